package dev.socketee.impl.cdi.deploy;

import dev.socketee.OnSocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A payload-typed handler with an interceptor binding. */
@ApplicationScoped
@Traced
public class TracedHandlers {

    String shout(@Observes @OnSocketEvent("shout") String s) {
        return s.toUpperCase();
    }
}
