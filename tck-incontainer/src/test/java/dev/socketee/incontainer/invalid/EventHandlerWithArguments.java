package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Must not deploy: a SocketEvent handler with a return value and argument parameters. */
@ApplicationScoped
public class EventHandlerWithArguments {

    String handle(@Observes @OnSocketEvent("chat") SocketEvent e, String text) {
        return text;
    }
}
