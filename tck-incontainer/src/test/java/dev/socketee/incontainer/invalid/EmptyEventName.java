package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: an empty event name. */
@ApplicationScoped
public class EmptyEventName {

    void handle(@Observes @OnSocketEvent("") SocketEvent e) {
    }
}
