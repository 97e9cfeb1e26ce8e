package dev.socketee.tck.bench;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.event.Observes;

/**
 * The two handlers {@code ../shared/bench} expects, written as a user writes them: {@code echo}
 * acks with its arguments, {@code broadcast} re-emits them to every other socket of "/". Not a bean
 * by itself (no bean-defining annotation): {@link BenchCdiExtension} adds it, application scoped, in
 * bench-cdi mode only, so the feature app and the server WARs never see it.
 */
public class BenchHandlers {

    void echo(@Observes @OnSocketEvent("echo") SocketEvent e) {
        e.ack(e.args().toArray());
    }

    void broadcast(@Observes @OnSocketEvent("broadcast") SocketEvent e) {
        e.socket().broadcast().emit("broadcast", e.args().toArray());
    }
}
