package dev.socketee;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentMap;

/**
 * One client connected to one namespace (Flask-SocketIO's {@code request.sid} plus the
 * functions that act on it). Safe to keep and use from any thread.
 *
 * <pre>{@code
 * Socket s = e.socket();
 * s.emit("status", Map.of("online", true));
 * s.join("room-1");
 * s.to("room-1").emit("joined", s.id());               // everyone in room-1 but s
 * int n = s.session().merge("count", 1, Integer::sum); // per-socket session data
 * s.emitWithAck("question", Duration.ofSeconds(5), "ready?")
 *  .thenAccept(reply -> log.info("answer " + reply.arg(0, String.class)));
 * }</pre>
 */
public interface Socket {

    /** The socket id (what the client sees as {@code socket.id}). */
    String id();

    /** The namespace name, e.g. {@code "/chat"}. */
    String namespace();

    /** Whether the socket is still connected. */
    boolean connected();

    /**
     * Whether this socket came back through connection state recovery (node's {@code
     * socket.recovered}): same id, rooms and session data as before its connection was lost, and
     * the events it missed were sent to it. Always false when recovery is off.
     */
    default boolean recovered() {
        return false;
    }

    /** Emits an event to this client. Arguments: records, POJOs, maps, lists, strings, numbers, byte[]... */
    void emit(String event, Object... args);

    /** Emits the unnamed {@code message} event (Flask-SocketIO's {@code send}). */
    default void send(Object... args) {
        emit(OnSocketEvent.MESSAGE, args);
    }

    /**
     * Emits and completes with the client's acknowledgement, or exceptionally with
     * {@link java.util.concurrent.TimeoutException} after {@code timeout} (Flask-SocketIO's
     * {@code call}, socket.io's {@code timeout().emitWithAck}).
     */
    CompletionStage<AckReply> emitWithAck(String event, Duration timeout, Object... args);

    /** Joins a room. */
    void join(String room);

    /** Leaves a room. */
    void leave(String room);

    /** The rooms this socket is in, its own id included. */
    Set<String> rooms();

    /** Every other socket of the namespace. */
    Emitter broadcast();

    /** The other sockets in {@code room}. */
    Emitter to(String room);

    /**
     * This socket alone, with node's {@code volatile} flag: {@code socket.asVolatile().emit(..)} is
     * dropped if the connection cannot take it at once (node's {@code socket.volatile.emit}).
     */
    Emitter asVolatile();

    /** Disconnects from this namespace (the client gets "io server disconnect"). */
    void disconnect();

    /** As {@link #disconnect()}; with {@code close}, the whole connection closes too. */
    void disconnect(boolean close);

    /** Data kept with the socket across events (Flask-SocketIO's {@code session}). */
    ConcurrentMap<String, Object> session();

    /** The HTTP request that opened the connection. */
    Handshake handshake();
}
