package dev.socketee.incontainer.app;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A handler bean with a decorator ({@link ShoutingGreeter}) on the interface its handler implements. */
@ApplicationScoped
@SocketNamespace("/it")
public class DecoratedHandlers implements Greeter {

    @Override
    public String greet(@Observes @OnSocketEvent("decorated") String name) {
        return "hi " + name;
    }
}
