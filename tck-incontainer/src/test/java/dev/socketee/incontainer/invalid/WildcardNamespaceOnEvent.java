package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: namespace "*" on an event handler. */
@ApplicationScoped
public class WildcardNamespaceOnEvent {

    void handle(@Observes @OnSocketEvent(value = "chat", namespace = "*") SocketEvent e) {
    }
}
