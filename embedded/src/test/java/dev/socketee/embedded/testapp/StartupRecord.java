package dev.socketee.embedded.testapp;

import jakarta.enterprise.context.ApplicationScoped;

/** What the context listener saw when the application started. */
@ApplicationScoped
public class StartupRecord {

    private volatile String seen = "listener never ran";

    public void record(String s) {
        seen = s;
    }

    public String seen() {
        return seen;
    }
}
