package dev.socketee.embedded.testapp;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code echo}: acknowledged with its argument, for the round trips over TLS. */
@ApplicationScoped
public class EchoHandlers {

    void echo(@Observes @OnSocketEvent("echo") SocketEvent e) {
        e.ack(e.data(String.class));
    }
}
