package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a private payload-typed handler. */
@ApplicationScoped
public class PrivateHandler {

    private String echo(@Observes @OnSocketEvent("echo") String s) {
        return s;
    }
}
