package dev.socketee.impl.cdi.deploy;

import dev.socketee.AckCallback;
import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** One invalid new form per method: each must be named in the deployment's errors. */
@ApplicationScoped
@SocketNamespace("bad")
public class BadPlannedHandlers {

    String returnsAndTakesCallback(@Observes @OnSocketEvent(value = "a", namespace = "/b") String s, AckCallback ack) {
        return s;
    }

    private void privatePayload(@Observes @OnSocketEvent(value = "b", namespace = "/b") String s) {
    }

    String connectReturns(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = "/b") SocketEvent e) {
        return "no";
    }

    void disconnectPayload(@Observes @OnSocketEvent(value = OnSocketEvent.DISCONNECT, namespace = "/b") String reason) {
    }

    void observesSocket(@Observes @OnSocketEvent(value = "c", namespace = "/b") Socket s) {
    }

    String eventWithArgument(@Observes @OnSocketEvent(value = "d", namespace = "/b") SocketEvent e, String more) {
        return more;
    }

    void classNamespace(@Observes @OnSocketEvent("e") String s) {
    }
}
