package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a connect handler observing a payload type. */
@ApplicationScoped
public class ConnectHandlerWithPayload {

    void connected(@Observes @OnSocketEvent(OnSocketEvent.CONNECT) String auth) {
    }
}
