package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a reserved event name. */
@ApplicationScoped
public class ReservedEventName {

    void handle(@Observes @OnSocketEvent("connect_error") SocketEvent e) {
    }
}
