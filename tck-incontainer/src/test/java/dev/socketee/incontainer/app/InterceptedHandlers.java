package dev.socketee.incontainer.app;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A handler bean with an interceptor: around Socketee-called and container-called handlers alike. */
@ApplicationScoped
@Audited
@SocketNamespace("/it")
public class InterceptedHandlers {

    /** Called by Socketee (payload-typed, return value = ack). */
    String hello(@Observes @OnSocketEvent("intercepted") String name) {
        return "hello " + name;
    }

    /** Called through CDI event notification (void SocketEvent observer). */
    void pinged(@Observes @OnSocketEvent("intercepted-ping") SocketEvent e) {
        e.ack("pong");
    }
}
