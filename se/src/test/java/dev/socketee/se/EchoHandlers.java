package dev.socketee.se;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A handler bean as an application has one: found by Weld SE's discovery (test META-INF/beans.xml). */
@ApplicationScoped
public class EchoHandlers {

    String echo(@Observes @OnSocketEvent("echo") SocketEvent e) {
        return "echo:" + e.data(String.class);
    }
}
