package dev.socketee.incontainer.invalid;

import dev.socketee.AckCallback;
import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a return value and an AckCallback. */
@ApplicationScoped
public class ReturnValueAndAckCallback {

    String save(@Observes @OnSocketEvent("save") String draft, AckCallback ack) {
        return draft;
    }
}
