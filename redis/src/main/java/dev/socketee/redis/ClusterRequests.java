package dev.socketee.redis;

import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.SocketDetails;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What one adapter (classic or sharded protocol) waits for from the other nodes, by request id:
 * requests until their expected answers or their timeout, and broadcasts with acks until their
 * timeout (there is no way to know when every client answered: forgotten then, as node does).
 * Closing fails every request still waiting.
 */
final class ClusterRequests {

    private final RedisBus bus;
    private final Map<String, PendingRequest<?>> requests = new ConcurrentHashMap<>();
    private final Map<String, AckRequest> acks = new ConcurrentHashMap<>();

    ClusterRequests(RedisBus bus) {
        this.bus = bus;
    }

    /**
     * {@code ask} with the number of the other nodes when there are any, else {@code alone} at
     * once (the node counts itself in {@code serverCount}).
     */
    static <T> CompletionStage<T> fromOthers(CompletionStage<Integer> serverCount, T alone, IntFunction<CompletionStage<T>> ask) {
        return serverCount.thenCompose(count -> count - 1 <= 0 ? CompletableFuture.completedFuture(alone) : ask.apply(count - 1));
    }

    /**
     * fetchSockets' frame: this node's matching sockets, with the other nodes' ({@code ask}, given
     * their number) unless the flags say local or there are no others.
     */
    static CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options, List<SocketDetails> local,
            Supplier<CompletionStage<Integer>> serverCount, IntFunction<CompletionStage<List<SocketDetails>>> ask) {
        if (options.flags().local()) {
            return CompletableFuture.completedFuture(local);
        }
        return fromOthers(serverCount.get(), local, ask);
    }

    /** Waits for {@code expected} answers to {@code requestId}, or fails after {@code timeout} with what arrived. */
    <T> CompletableFuture<List<T>> await(String requestId, int type, int expected, List<T> initial,
            PendingRequest.TimeoutText timeoutText, Duration timeout) {
        PendingRequest<T> pending = new PendingRequest<>(type, expected, initial, timeoutText, bus.executor());
        requests.put(requestId, pending);
        bus.schedule(() -> {
            if (requests.remove(requestId, pending)) {
                pending.timeout();
            }
        }, timeout);
        return pending.future();
    }

    /** Hands the other nodes' client counts and acks for {@code requestId} to these callbacks until {@code timeout}. */
    void expectAcks(String requestId, IntConsumer clientCount, Consumer<Object> ack, Duration timeout) {
        acks.put(requestId, new AckRequest(clientCount, ack));
        bus.schedule(() -> acks.remove(requestId), timeout);
    }

    /** Whether this node is waiting for answers to that request (so it sent it). */
    boolean isWaitingFor(Object requestId) {
        return requests.containsKey(String.valueOf(requestId));
    }

    /** Whether this node is collecting acks for that broadcast (so it sent it). */
    boolean isCollectingAcks(Object requestId) {
        return acks.containsKey(String.valueOf(requestId));
    }

    /** The request waiting under that id, or null (another node's, or timed out). */
    PendingRequest<?> pending(String requestId) {
        return requests.get(requestId);
    }

    /** The ack callbacks of that broadcast, or null. */
    AckRequest acks(String requestId) {
        return acks.get(requestId);
    }

    /** The request has all its answers: no longer waiting. */
    void done(String requestId, PendingRequest<?> pending) {
        requests.remove(requestId, pending);
    }

    /** The adapter of {@code namespace} closes: every waiting request fails, nothing more is awaited. */
    void close(String namespace) {
        IllegalStateException closed = new IllegalStateException("the adapter of " + namespace + " was closed");
        requests.values().forEach(p -> p.fail(closed));
        requests.clear();
        acks.clear();
    }
}
