package dev.socketee.tck.cdi;

import jakarta.enterprise.context.RequestScoped;

/** Proves the request context is active in handlers: a fresh instance per event. */
@RequestScoped
public class RequestCounter {
    private int value;

    public int increment() {
        return ++value;
    }
}
