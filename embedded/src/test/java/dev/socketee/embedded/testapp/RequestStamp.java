package dev.socketee.embedded.testapp;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One per HTTP request: the filter and the servlet of a request see the same one. */
@RequestScoped
public class RequestStamp {

    private final String id = UUID.randomUUID().toString();
    private final List<String> visitors = new ArrayList<>();

    public String id() {
        return id;
    }

    public void visitedBy(String who) {
        visitors.add(who);
    }

    public List<String> visitors() {
        return visitors;
    }
}
