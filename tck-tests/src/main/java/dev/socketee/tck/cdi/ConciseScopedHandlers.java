package dev.socketee.tck.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.concurrent.atomic.AtomicInteger;

/** Return-value handlers of @RequestScoped and @Dependent beans: a fresh instance per event. */
public final class ConciseScopedHandlers {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private ConciseScopedHandlers() {
    }

    @RequestScoped
    @SocketNamespace("/concise")
    public static class PerRequest {
        private final int instance = INSTANCES.incrementAndGet();
        private int calls;

        String rs(@Observes @OnSocketEvent("request-scoped") String s) {
            calls++;
            return s + ":" + instance + ":" + calls;
        }

        String rsAsync(@ObservesAsync @OnSocketEvent("request-scoped-async") String s) {
            calls++;
            return s + ":" + instance + ":" + calls;
        }
    }

    @Dependent
    @SocketNamespace("/concise")
    public static class PerCall {
        private final int instance = INSTANCES.incrementAndGet();

        String dep(@Observes @OnSocketEvent("dependent") String s) {
            return s + ":" + instance;
        }
    }
}
