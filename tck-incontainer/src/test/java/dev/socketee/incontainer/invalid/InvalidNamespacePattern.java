package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: an invalid namespace pattern. */
@ApplicationScoped
public class InvalidNamespacePattern {

    void handle(@Observes @OnSocketEvent(value = "chat", namespace = "^/room-(") SocketEvent e) {
    }
}
