package dev.socketee.incontainer.app;

import dev.socketee.Socket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** A request-scoped bean: one instance per event, destroyed when the handler returns. */
@RequestScoped
public class PerEvent {

    public static final AtomicInteger CREATED = new AtomicInteger();
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    private final int number = CREATED.incrementAndGet();

    @Inject
    Socket socket;

    public int number() {
        return number;
    }

    public String socketId() {
        return socket.id();
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }
}
