package dev.socketee;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A set of target sockets, built up immutably: each call returns a new emitter (socket.io's
 * BroadcastOperator). Everything it does reaches the matching sockets on every node of a cluster
 * (see README "Scaling out"), this node only after {@link #local()}. The packet is encoded once for
 * all local targets.
 *
 * <pre>{@code
 * io.of("/chat").to("room-1").to("room-2").except("muted").emit("news", item);
 * io.of("/chat").timeout(Duration.ofSeconds(2)).emitWithAck("ready?")
 *   .thenAccept(replies -> log.info(replies.size() + " sockets answered"));
 * io.of("/chat").in("room-1").socketsJoin("room-2");
 * }</pre>
 */
public interface Emitter {

    /** Adds a room to the targets (union: a socket in several rooms gets the event once). */
    Emitter to(String room);

    /** As {@link #to} (node's {@code in}). */
    default Emitter in(String room) {
        return to(room);
    }

    /** Leaves out the sockets of a room (a socket id is a room too). */
    Emitter except(String room);

    /** This node's sockets only (node's {@code local}). */
    Emitter local();

    /**
     * Dropped for a socket whose connection cannot take it at once (node's {@code volatile}): for
     * values that are soon stale (positions, prices), where a slow client should skip, not queue.
     */
    Emitter asVolatile();

    /**
     * node's {@code compress} flag, carried to node.js nodes of a cluster. It has no effect on
     * Socketee's own sockets: Jakarta WebSocket compresses per connection
     * ({@code socketee.per-message-deflate}), not per message.
     */
    Emitter compress(boolean compress);

    /** The time {@link #emitWithAck} waits for every acknowledgement (node's {@code timeout}). */
    Emitter timeout(Duration timeout);

    /** Emits to every target. */
    void emit(String event, Object... args);

    /** Emits the unnamed {@code message} event. */
    default void send(Object... args) {
        emit(OnSocketEvent.MESSAGE, args);
    }

    /**
     * Emits asking every target socket, on every node, for an acknowledgement; completes with one
     * reply per socket (each holding the first argument the client acknowledged with), or fails
     * with {@link AckTimeoutException}, which holds the replies that came, when some target did not
     * answer within {@link #timeout}. Requires {@link #timeout}.
     */
    CompletionStage<List<AckReply>> emitWithAck(String event, Object... args);

    /** Makes the target sockets join rooms. */
    void socketsJoin(String... rooms);

    /** Makes the target sockets leave rooms. */
    void socketsLeave(String... rooms);

    /** Disconnects the target sockets; with {@code close}, their whole connections. */
    void disconnectSockets(boolean close);

    /** The target sockets with their details, from every node. */
    CompletionStage<List<RemoteSocket>> fetchSockets();
}
