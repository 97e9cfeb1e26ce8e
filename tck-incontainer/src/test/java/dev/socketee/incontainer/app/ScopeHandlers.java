package dev.socketee.incontainer.app;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/** Answers the request-scoped bean this event got: its number (twice: one instance per event) and socket. */
@ApplicationScoped
@SocketNamespace("/it")
public class ScopeHandlers {

    @Inject
    PerEvent perEvent;

    List<Object> scoped(@Observes @OnSocketEvent("request-scoped") String unused) {
        return List.of(perEvent.number(), perEvent.number(), perEvent.socketId());
    }
}
