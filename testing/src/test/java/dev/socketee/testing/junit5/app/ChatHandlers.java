package dev.socketee.testing.junit5.app;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** A second namespace, "/chat", to test one client on several namespaces. */
@ApplicationScoped
public class ChatHandlers {

    @Inject
    VisitLog log;

    void connect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = "/chat") SocketEvent e) {
        e.socket().emit("hello", "chat " + e.socket().id());
    }

    void disconnect(@Observes @OnSocketEvent(value = OnSocketEvent.DISCONNECT, namespace = "/chat") SocketEvent e) {
        log.add("/chat " + e.socket().id() + " " + e.reason());
    }

    void echo(@Observes @OnSocketEvent(value = "echo", namespace = "/chat") SocketEvent e) {
        e.ack("chat: " + e.data(String.class));
    }
}
