package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: two handlers for one event. */
@ApplicationScoped
public class TwoHandlersForOneEvent {

    void first(@Observes @OnSocketEvent("save") SocketEvent e) {
    }

    void second(@Observes @OnSocketEvent("save") SocketEvent e) {
    }
}
