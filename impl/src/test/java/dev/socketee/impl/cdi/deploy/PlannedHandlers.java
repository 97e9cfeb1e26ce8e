package dev.socketee.impl.cdi.deploy;

import dev.socketee.AckCallback;
import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Every valid new handler form, on the class's namespace unless the method names another. */
@ApplicationScoped
@SocketNamespace("/chat")
public class PlannedHandlers {

    public record Msg(String text) {
    }

    public static volatile Object last;

    @Inject
    CurrentEventReader reader;

    String ret(@Observes @OnSocketEvent("ret") SocketEvent e) {
        return "ret:" + e.name();
    }

    int add(@Observes @OnSocketEvent("add") Integer a, int b, Socket socket) {
        last = List.of(a, b);
        return a + b;
    }

    void chat(@Observes @OnSocketEvent("chat") Msg m, Socket s, AckCallback ack) {
        last = m;
    }

    CompletionStage<String> later(@ObservesAsync @OnSocketEvent("later") String x) {
        return CompletableFuture.completedFuture(x);
    }

    void plain(@Observes @OnSocketEvent("plain") List<Integer> numbers) {
        last = numbers;
    }

    /** The current event through a request-scoped bean that injects it. */
    String who(@Observes @OnSocketEvent("who") SocketEvent e) {
        return reader.eventName();
    }

    void elsewhere(@Observes @OnSocketEvent(value = "x", namespace = "/other") SocketEvent e) {
    }
}
