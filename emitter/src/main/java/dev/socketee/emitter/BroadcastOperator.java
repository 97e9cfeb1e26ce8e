package dev.socketee.emitter;

import dev.socketee.redis.wire.RequestType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A selection of sockets across the cluster, in one namespace, built up immutably (node's
 * {@code BroadcastOperator}): {@link #to}, {@link #except}, {@link #asVolatile()} and
 * {@link #compress(boolean)} each return a new operator, so one can be kept and reused from any
 * thread.
 *
 * <pre>{@code
 * emitter.of("/chat").to("room-1", "room-2").except("muted").emit("news", item);
 * emitter.to("vip").socketsJoin("lounge");
 * }</pre>
 *
 * <p>The terminal operations publish without waiting and return Redis's answer to the PUBLISH:
 * the number of subscriptions that got the message, one per node serving the namespace. Nothing
 * tells whether any socket matched. Callbacks chained on the stage without an executor run on the
 * Redis client's I/O thread: do not block there.
 */
public final class BroadcastOperator {

    /** Event names a socket.io server keeps for itself; node's emitter refuses them too. */
    private static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private final NamespaceWire wire;
    private final Set<String> rooms;
    private final Set<String> except;
    private final Map<String, Boolean> flags;

    BroadcastOperator(NamespaceWire wire) {
        this(wire, Set.of(), Set.of(), Map.of());
    }

    private BroadcastOperator(NamespaceWire wire, Set<String> rooms, Set<String> except, Map<String, Boolean> flags) {
        this.wire = wire;
        this.rooms = rooms;
        this.except = except;
        this.flags = flags;
    }

    /** Adds rooms to the targets (a union: a socket in several of them gets the event once). */
    public BroadcastOperator to(String... rooms) {
        return to(Arrays.asList(rooms));
    }

    /** Adds rooms to the targets. */
    public BroadcastOperator to(Collection<String> rooms) {
        return new BroadcastOperator(wire, union(this.rooms, rooms), except, flags);
    }

    /** Same as {@link #to(String...)}. */
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    /** Same as {@link #to(Collection)}. */
    public BroadcastOperator in(Collection<String> rooms) {
        return to(rooms);
    }

    /** Leaves out the sockets of these rooms (a socket id is a room too). */
    public BroadcastOperator except(String... rooms) {
        return except(Arrays.asList(rooms));
    }

    /** Leaves out the sockets of these rooms. */
    public BroadcastOperator except(Collection<String> rooms) {
        return new BroadcastOperator(wire, this.rooms, union(except, rooms), flags);
    }

    /**
     * Node's {@code volatile} flag (a Java keyword, hence the name): a socket that is not ready to
     * write right now (a long-polling client between two requests, a slow network) misses the event.
     */
    public BroadcastOperator asVolatile() {
        return withFlag("volatile", true);
    }

    /** The {@code compress} flag, for the receiving nodes' websocket writes. */
    public BroadcastOperator compress(boolean compress) {
        return withFlag("compress", compress);
    }

    /**
     * Emits an event to the selected sockets on every node.
     *
     * @param args null, Boolean, Number, String, {@code byte[]} (binary, also nested), {@code Map<String, ?>},
     *             collections and arrays, records and enums, nested as deep as needed
     * @throws IllegalArgumentException for a reserved event name ({@code connect}, {@code disconnect}, ...)
     *             or an argument of another type, before anything is published
     * @throws IllegalStateException once the emitter is closed
     */
    public CompletionStage<Long> emit(String event, Object... args) {
        Objects.requireNonNull(event, "event");
        if (RESERVED_EVENTS.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
        return wire.broadcast(rooms, except, flags, event, args);
    }

    /** Makes the selected sockets join {@code rooms}, on every node. */
    public CompletionStage<Long> socketsJoin(String... rooms) {
        return socketsJoin(Arrays.asList(rooms));
    }

    /** Makes the selected sockets join {@code rooms}, on every node. */
    public CompletionStage<Long> socketsJoin(Collection<String> rooms) {
        return wire.membership(RequestType.REMOTE_JOIN, this.rooms, except, checked(rooms));
    }

    /** Makes the selected sockets leave {@code rooms}, on every node. */
    public CompletionStage<Long> socketsLeave(String... rooms) {
        return socketsLeave(Arrays.asList(rooms));
    }

    /** Makes the selected sockets leave {@code rooms}, on every node. */
    public CompletionStage<Long> socketsLeave(Collection<String> rooms) {
        return wire.membership(RequestType.REMOTE_LEAVE, this.rooms, except, checked(rooms));
    }

    /**
     * Disconnects the selected sockets, on every node.
     *
     * @param close also close the underlying connection (and so the client's other namespaces)
     */
    public CompletionStage<Long> disconnectSockets(boolean close) {
        return wire.disconnect(rooms, except, close);
    }

    @Override
    public String toString() {
        return "BroadcastOperator[nsp=" + wire.namespace() + ", rooms=" + rooms + ", except=" + except
                + ", flags=" + flags + "]";
    }

    private BroadcastOperator withFlag(String flag, boolean value) {
        Map<String, Boolean> next = new LinkedHashMap<>(flags); // a flag set again keeps its place, as in node
        next.put(flag, value);
        return new BroadcastOperator(wire, rooms, except, Collections.unmodifiableMap(next));
    }

    private static Set<String> union(Set<String> current, Collection<String> more) {
        Set<String> next = new LinkedHashSet<>(current);
        next.addAll(checked(more));
        return Collections.unmodifiableSet(next);
    }

    private static List<String> checked(Collection<String> rooms) {
        Objects.requireNonNull(rooms, "rooms");
        for (String room : rooms) {
            Objects.requireNonNull(room, "a room is null");
        }
        return List.copyOf(rooms);
    }
}
