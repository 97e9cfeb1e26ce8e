package dev.socketee.tck.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Namespace "/ops", used by OperationsIT alone, so its connected-sockets gauge counts that test's clients only. */
@ApplicationScoped
public class OperationsHandlers {

    void echo(@Observes @OnSocketEvent(value = "echo", namespace = "/ops") SocketEvent e) {
        e.ack(e.args().toArray());
    }
}
