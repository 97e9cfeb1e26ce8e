package dev.socketee.incontainer.app;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** For the real clients outside the container. */
@ApplicationScoped
@SocketNamespace("/it")
public class EchoHandlers {

    String echo(@Observes @OnSocketEvent("echo") String text) {
        return text;
    }
}
