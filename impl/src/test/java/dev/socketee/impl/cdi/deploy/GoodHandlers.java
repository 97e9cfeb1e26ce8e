package dev.socketee.impl.cdi.deploy;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Valid handlers and an injection point for the server handle. */
@ApplicationScoped
public class GoodHandlers {

    @Inject
    SocketIo io;

    /** The call stack of the last "chat" handler call, to see how it was invoked. */
    public static volatile StackTraceElement[] lastChatStack;

    void chat(@Observes @OnSocketEvent(value = "chat", namespace = "/room") SocketEvent e) {
        lastChatStack = new Throwable().getStackTrace();
    }

    void connect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = "/room") SocketEvent e) {
    }

    public SocketIo io() {
        return io;
    }
}
