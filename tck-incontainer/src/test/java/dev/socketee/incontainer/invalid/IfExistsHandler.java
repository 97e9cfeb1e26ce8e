package dev.socketee.incontainer.invalid;

import jakarta.enterprise.event.Reception;
import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: notifyObserver = IF_EXISTS on a Socketee-called handler. */
@ApplicationScoped
public class IfExistsHandler {

    String echo(@Observes(notifyObserver = Reception.IF_EXISTS) @OnSocketEvent("echo") String s) {
        return s;
    }
}
