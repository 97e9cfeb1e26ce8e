package dev.socketee.tck.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the lifecycle handlers saw, for the tests to ask about. */
@ApplicationScoped
public class EventLog {
    private final List<String> entries = new CopyOnWriteArrayList<>();

    public void add(String entry) {
        entries.add(entry);
    }

    public List<String> entriesAbout(String socketId) {
        return entries.stream().filter(e -> e.contains(socketId)).toList();
    }
}
