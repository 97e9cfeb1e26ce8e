package dev.socketee.impl.cdi.deploy;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Two handlers for one event of one namespace, and a namespace without its slash. */
@ApplicationScoped
public class DuplicateHandlers {

    void first(@Observes @OnSocketEvent(value = "chat", namespace = "/room") SocketEvent e) {
    }

    void second(@Observes @OnSocketEvent(value = "chat", namespace = "/room") SocketEvent e) {
    }

    void slashless(@Observes @OnSocketEvent(value = "x", namespace = "room") SocketEvent e) {
    }
}
