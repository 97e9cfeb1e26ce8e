package dev.socketee.impl.cdi.deploy;

import dev.socketee.SocketEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A request-scoped bean that counts its uses and records its destruction, reading the current event through an injected {@code SocketEvent}. */
@RequestScoped
public class ScopedCounter {

    /** The event names of the instances destroyed, in order. */
    public static final List<String> DESTROYED = new CopyOnWriteArrayList<>();

    @Inject
    SocketEvent event;

    private int uses;
    private String seen;

    public int use() {
        seen = event.name();
        return ++uses;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.add(seen);
    }
}
