package dev.socketee.incontainer.invalid;

import dev.socketee.Socket;
import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a handler observing Socket. */
@ApplicationScoped
public class ObservesSocket {

    void handle(@Observes @OnSocketEvent("chat") Socket socket) {
    }
}
