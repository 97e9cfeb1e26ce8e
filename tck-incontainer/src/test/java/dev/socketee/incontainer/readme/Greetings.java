package dev.socketee.incontainer.readme;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** README, "Testing your handlers inside the container": the handlers under test. */
@ApplicationScoped
public class Greetings {

    @Inject
    SocketIo io;

    String greet(@Observes @OnSocketEvent(value = "greet", namespace = "/greetings") String name) {
        io.of("/greetings").emit("greeted", name);   // everyone on /greetings, the sender too
        return "hello " + name;
    }
}
