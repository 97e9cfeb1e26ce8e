package dev.socketee.tck.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Namespace "/other" (catch-all, default error handler) and the dynamic namespaces /dyn-N. */
@ApplicationScoped
public class OtherNamespaceHandlers {

    void any(@Observes @OnSocketEvent(value = OnSocketEvent.ANY, namespace = "/other") SocketEvent e) {
        e.socket().emit("caught", e.name(), e.size());
        e.ack(e.name());
    }

    /** Joins "dyn-room" first, then refuses when the auth says {@code {"refuse": true}}: the room must not outlive the refusal. */
    void dynamicConnect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = "^/dyn-\\d+$") SocketEvent e) {
        e.socket().join("dyn-room");
        java.util.Map<?, ?> auth = e.auth(java.util.Map.class);
        if (auth != null && Boolean.TRUE.equals(auth.get("refuse"))) {
            throw new dev.socketee.ConnectionRefusedException("refused");
        }
        e.socket().emit("dyn-welcome", e.socket().namespace());
    }

    void dynamicFail(@Observes @OnSocketEvent(value = "fail", namespace = "^/dyn-\\d+$") SocketEvent e) {
        throw new IllegalArgumentException("dyn failure");
    }

    void defaultError(@Observes @OnSocketEvent(value = OnSocketEvent.ERROR, namespace = "*") SocketEvent e) {
        e.socket().emit("default-error", e.name(), e.error().getMessage());
    }
}
