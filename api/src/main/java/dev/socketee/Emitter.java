package dev.socketee;

/**
 * A set of target sockets, built up immutably: each call returns a new emitter (socket.io's
 * BroadcastOperator). The packet is encoded once for all targets.
 *
 * <pre>{@code
 * io.of("/chat").to("room-1").to("room-2").except("muted").emit("news", item);
 * }</pre>
 */
public interface Emitter {

    /** Adds a room to the targets (union: a socket in several rooms gets the event once). */
    Emitter to(String room);

    /** Leaves out the sockets of a room (a socket id is a room too). */
    Emitter except(String room);

    /** Emits to every target. */
    void emit(String event, Object... args);

    /** Emits the unnamed {@code message} event. */
    default void send(Object... args) {
        emit(OnSocketEvent.MESSAGE, args);
    }
}
