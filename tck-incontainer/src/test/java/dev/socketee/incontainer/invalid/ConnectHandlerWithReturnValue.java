package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a connect handler with a return value. */
@ApplicationScoped
public class ConnectHandlerWithReturnValue {

    String connected(@Observes @OnSocketEvent(OnSocketEvent.CONNECT) SocketEvent e) {
        return "hi";
    }
}
