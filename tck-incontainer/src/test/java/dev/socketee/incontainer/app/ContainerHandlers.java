package dev.socketee.incontainer.app;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Map;

/** JNDI and the threads: what a sync handler (container thread) and an async one (managed executor) see. */
@ApplicationScoped
@SocketNamespace("/it")
public class ContainerHandlers {

    Map<String, Object> sync(@Observes @OnSocketEvent("where-sync") String unused) {
        return Where.here();
    }

    Map<String, Object> async(@ObservesAsync @OnSocketEvent("where-async") String unused) {
        return Where.here();
    }
}
