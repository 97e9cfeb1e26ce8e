package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a namespace that does not start with / (or ^). */
@ApplicationScoped
public class NamespaceWithoutSlash {

    void handle(@Observes @OnSocketEvent(value = "chat", namespace = "chat") SocketEvent e) {
    }
}
