package dev.socketee.impl.sio.broadcast;

import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.SioOutboundPacket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who a broadcast or an operation on many sockets reaches, as socket.io's BroadcastOperator:
 * immutable ({@link #to}, {@link #except} and the flags return new operators), and everything it
 * does goes through the namespace's adapter, so it reaches the sockets of every node the adapter
 * knows (this node only with {@link #local()}).
 */
public final class BroadcastOperator {

    private final Namespace namespace;
    private final Set<String> rooms;
    private final Set<String> except;
    private final BroadcastFlags flags;

    public BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except) {
        this(namespace, rooms, except, BroadcastFlags.NONE);
    }

    private BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, BroadcastFlags flags) {
        this.namespace = namespace;
        this.rooms = Set.copyOf(rooms);
        this.except = Set.copyOf(except);
        this.flags = flags;
    }

    public BroadcastOperator to(String room) {
        Set<String> r = new HashSet<>(rooms);
        r.add(room);
        return new BroadcastOperator(namespace, r, except, flags);
    }

    public BroadcastOperator except(String room) {
        Set<String> e = new HashSet<>(except);
        e.add(room);
        return new BroadcastOperator(namespace, rooms, e, flags);
    }

    /** This node's sockets only. */
    public BroadcastOperator local() {
        return new BroadcastOperator(namespace, rooms, except, flags.withLocal());
    }

    /** Dropped for a socket whose transport cannot take it now (node's {@code volatile}). */
    public BroadcastOperator volatile_() {
        return new BroadcastOperator(namespace, rooms, except, flags.withVolatile());
    }

    /**
     * node's per-message compression wish, carried to other nodes. Locally without effect: Jakarta
     * WebSocket compresses per connection (socketee.per-message-deflate), not per message.
     */
    public BroadcastOperator compress(boolean compress) {
        return new BroadcastOperator(namespace, rooms, except, flags.withCompress(compress));
    }

    /** How long {@link #emitWithAck} waits for every acknowledgement. */
    public BroadcastOperator timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new BroadcastOperator(namespace, rooms, except, flags.withTimeout(timeout));
    }

    public Duration timeout() {
        return flags.timeout();
    }

    private BroadcastOptions options() {
        return new BroadcastOptions(rooms, except, flags);
    }

    public void emit(String event, List<?> args) {
        namespace.metrics().broadcast();
        SioOutboundPacket packet = SioOutboundPacket.event(namespace.name(), event, args, namespace.jsonFallback());
        BroadcastOptions options = options();
        namespace.fanOut(() -> namespace.adapter().broadcast(packet, options));
    }

    public void emit(String event, Object... args) {
        emit(event, java.util.Arrays.asList(args));
    }

    /**
     * Emits asking every target for an acknowledgement; completes with the first argument of each
     * reply once every node has said how many sockets it reached and all of them replied, or
     * exceptionally with {@link BroadcastAckTimeout} (holding the replies so far) at the timeout.
     */
    public CompletableFuture<List<Object>> emitWithAck(String event, List<?> args) {
        if (flags.timeout() == null) {
            throw new IllegalStateException("emitWithAck on a broadcast needs a timeout: timeout(Duration) first");
        }
        SioOutboundPacket packet = SioOutboundPacket.event(namespace.name(), event, args, namespace.jsonFallback());
        namespace.metrics().broadcast();
        BroadcastAckCollector collector = new BroadcastAckCollector(namespace, event, flags.timeout());
        BroadcastOptions options = options();
        namespace.fanOut(() -> namespace.adapter().broadcastWithAck(packet, options, collector::onClientCount, collector::onAck));
        if (flags.local()) {
            collector.onServerCount(1);
        } else {
            namespace.clusterRequest(() -> namespace.adapter().serverCount()).whenComplete((n, error) -> collector.onServerCount(error == null ? n : 1));
        }
        return collector.result();
    }

    /** Makes the matching sockets join rooms (node's {@code socketsJoin}). */
    public void socketsJoin(Set<String> targetRooms) {
        namespace.adapter().addSockets(options(), targetRooms);
    }

    public void socketsLeave(Set<String> targetRooms) {
        namespace.adapter().delSockets(options(), targetRooms);
    }

    public void disconnectSockets(boolean close) {
        namespace.adapter().disconnectSockets(options(), close);
    }

    public CompletionStage<List<SocketDetails>> fetchSockets() {
        return flags.local() ? namespace.adapter().fetchSockets(options())
                : namespace.clusterRequest(() -> namespace.adapter().fetchSockets(options()));
    }

    public Namespace namespace() {
        return namespace;
    }
}
