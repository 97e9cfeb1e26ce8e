package dev.socketee;

/**
 * The client's acknowledgement callback, as a handler parameter (node's {@code callback} argument).
 * A handler that takes one answers the ack itself, when it likes (also later, from another
 * thread): nothing is sent for it automatically.
 *
 * <pre>{@code
 * void save(@Observes @OnSocketEvent("save") Draft d, AckCallback ack) {
 *     store.saveAsync(d).thenRun(() -> ack.send("saved"));
 * }
 * }</pre>
 */
public interface AckCallback {

    /** Whether the client asked for an acknowledgement. */
    boolean requested();

    /** Sends the acknowledgement (once; later calls are ignored). Arguments as for emit. */
    void send(Object... args);
}
