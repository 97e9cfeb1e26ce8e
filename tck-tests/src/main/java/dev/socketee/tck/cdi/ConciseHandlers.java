package dev.socketee.tck.cdi;

import dev.socketee.AckCallback;
import dev.socketee.Handshake;
import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Concise handlers on "/concise" (the class's namespace): return values as acks (sync, async,
 * CompletionStage), payload-typed handlers with parameters by type, the ack rule, and the
 * injected current Socket / Handshake.
 */
@ApplicationScoped
@SocketNamespace("/concise")
public class ConciseHandlers {

    @Inject
    CurrentSocketInfo current;

    /** The return value is the ack. */
    String ret(@Observes @OnSocketEvent("ret") SocketEvent e) {
        return "ret:" + e.data(String.class);
    }

    /** Payload-typed: argument 0 is the observed type, argument 1 the next parameter. */
    int add(@Observes @OnSocketEvent("add") Integer a, int b) {
        return a + b;
    }

    /** A typed payload with the socket and the ack callback by type: the handler answers the ack itself. */
    void chat(@Observes @OnSocketEvent("chat") Message m, Socket socket, AckCallback ack) {
        socket.emit("chat-echo", m.text(), m.n());
        ack.send("got " + m.text(), m.n());
    }

    /** A stage: acked when it completes (on another thread, later). */
    CompletionStage<String> later(@Observes @OnSocketEvent("later") String s) {
        return CompletableFuture.supplyAsync(() -> "later:" + s, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    /** A failed stage: ack {"message":"server error"}, and the error handler runs. */
    CompletionStage<String> laterFails(@Observes @OnSocketEvent("later-fails") String s) {
        return CompletableFuture.failedFuture(new IllegalStateException("stage failed: " + s));
    }

    /** A thrown exception in a handler answered by Socketee: ack {"message":"server error"}. */
    String fails(@Observes @OnSocketEvent("fails") String s) {
        throw new IllegalStateException("handler failed: " + s);
    }

    /** No return value and no ack access: answered with an empty ack when it returns (Flask's None). */
    void silent(@Observes @OnSocketEvent("silent") String s) {
    }

    /** A void SocketEvent handler that never acks: no ack at all (it holds the ack). */
    void holds(@Observes @OnSocketEvent("holds") SocketEvent e) {
    }

    /** Sync, holding the ack, answering it later from another thread. */
    void syncLate(@Observes @OnSocketEvent("sync-late") SocketEvent e) {
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> e.ack("sync late"));
    }

    /** A plain void SocketEvent observer: its further parameters are the container's injection points, Socket among them. */
    void viaContainer(@Observes @OnSocketEvent("container-socket") SocketEvent e, Socket s, Handshake h) {
        e.ack(s.id().equals(e.socket().id()), h.query().containsKey("who"));
    }

    /** Async with a return value. */
    String asyncRet(@ObservesAsync @OnSocketEvent("async-ret") String s) {
        return "async:" + s + ":" + (Thread.currentThread().getName().contains("qtp") ? "io-thread" : "worker");
    }

    /** Async, void, no ack access: empty ack when it returns. */
    void asyncSilent(@ObservesAsync @OnSocketEvent("async-silent") String s) {
    }

    /** Async, acking after it returned: the late ack is the one the client gets (no automatic empty one first). */
    void asyncLate(@ObservesAsync @OnSocketEvent("async-late") SocketEvent e) {
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> e.ack("late", e.data(String.class)));
    }

    /** Async returning a stage. */
    CompletionStage<List<Integer>> asyncStage(@ObservesAsync @OnSocketEvent("async-stage") List<Integer> xs) {
        return CompletableFuture.supplyAsync(() -> xs.stream().map(x -> x * 2).toList(),
                CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
    }

    /** The current Socket and Handshake injected into a request-scoped bean. */
    Map<String, Object> whoami(@Observes @OnSocketEvent("whoami") String unused, Handshake h) {
        return Map.of("id", current.socketId(), "nsp", current.namespace(), "query", java.util.Objects.toString(current.query("who"), ""),
                "sameHandshake", h.query().equals(current.handshakeQuery()));
    }

    /** The method's namespace wins over the class's. */
    String elsewhere(@Observes @OnSocketEvent(value = "where", namespace = "/concise-other") String s) {
        return "other:" + s;
    }

    void errors(@Observes @OnSocketEvent(value = OnSocketEvent.ERROR) SocketEvent e) {
        e.socket().emit("concise-error", e.name(), String.valueOf(e.error().getMessage()));
    }
}
