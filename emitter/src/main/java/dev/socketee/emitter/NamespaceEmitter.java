package dev.socketee.emitter;

import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Every socket of one namespace across the cluster (node's {@code Emitter} bound to a namespace),
 * from {@link SocketIoEmitter#of(String)}; narrow it down with {@link #to}, {@link #except}.
 * Immutable and thread-safe; it shares its emitter's Redis connection.
 */
public final class NamespaceEmitter {

    private final NamespaceWire wire;
    private final BroadcastOperator all;

    NamespaceEmitter(NamespaceWire wire) {
        this.wire = wire;
        this.all = new BroadcastOperator(wire);
    }

    /** The namespace, always starting with {@code "/"}. */
    public String name() {
        return wire.namespace();
    }

    /** The sockets of these rooms. */
    public BroadcastOperator to(String... rooms) {
        return all.to(rooms);
    }

    /** The sockets of these rooms. */
    public BroadcastOperator to(Collection<String> rooms) {
        return all.to(rooms);
    }

    /** Same as {@link #to(String...)}. */
    public BroadcastOperator in(String... rooms) {
        return all.to(rooms);
    }

    /** Every socket but those of these rooms. */
    public BroadcastOperator except(String... rooms) {
        return all.except(rooms);
    }

    /** Every socket but those of these rooms. */
    public BroadcastOperator except(Collection<String> rooms) {
        return all.except(rooms);
    }

    /** See {@link BroadcastOperator#asVolatile()}. */
    public BroadcastOperator asVolatile() {
        return all.asVolatile();
    }

    /** See {@link BroadcastOperator#compress(boolean)}. */
    public BroadcastOperator compress(boolean compress) {
        return all.compress(compress);
    }

    /** Emits to every socket of the namespace; see {@link BroadcastOperator#emit(String, Object...)}. */
    public CompletionStage<Long> emit(String event, Object... args) {
        return all.emit(event, args);
    }

    /** Makes every socket of the namespace join {@code rooms}. */
    public CompletionStage<Long> socketsJoin(String... rooms) {
        return all.socketsJoin(rooms);
    }

    /** Makes every socket of the namespace leave {@code rooms}. */
    public CompletionStage<Long> socketsLeave(String... rooms) {
        return all.socketsLeave(rooms);
    }

    /** Disconnects every socket of the namespace. */
    public CompletionStage<Long> disconnectSockets(boolean close) {
        return all.disconnectSockets(close);
    }

    /**
     * Sends an event to the servers of the cluster, not to their clients: their
     * {@code io.on(event, ...)} (node) or server-event observers (Socketee) of this namespace get it.
     * Without an acknowledgement: the emitter has no way to hear one, as in node.
     */
    public CompletionStage<Long> serverSideEmit(String event, Object... args) {
        return wire.serverSideEmit(Objects.requireNonNull(event, "event"), args);
    }

    @Override
    public String toString() {
        return "NamespaceEmitter[" + name() + "]";
    }
}
