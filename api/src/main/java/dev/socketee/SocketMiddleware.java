package dev.socketee;

import java.util.List;

/**
 * Middleware for every socket event (node's {@code socket.use} and {@code socket.onAnyOutgoing}), as
 * a CDI bean: every bean of this type runs, in {@code @Priority} order (lowest first), on every
 * namespace it {@link #appliesTo}. Connection middleware (node's {@code io.use}) needs no type of
 * its own: connect handlers already run in {@code @Priority} order and refuse with
 * {@link ConnectionRefusedException}.
 *
 * <pre>{@code
 * @ApplicationScoped @Priority(10)
 * public class RateLimit implements SocketMiddleware {
 *     public void onIncoming(IncomingEvent e) {
 *         if (tooMany(e.socket().id())) {
 *             throw new EventRejectedException("rate limited");   // the client's ack gets {"message":"rate limited"}
 *         }
 *     }
 * }
 * }</pre>
 */
public interface SocketMiddleware {

    /** Whether this middleware runs on that namespace (all by default). */
    default boolean appliesTo(String namespace) {
        return true;
    }

    /**
     * Runs before the event's handler, on the same thread. Return to let it through; throw
     * {@link EventRejectedException} to stop it: the handler does not run, and a client that asked
     * for an ack gets {@code {"message": ..., "data": ...}} as its only argument (as for a server-busy
     * refusal); one that did not learns nothing (node emits the error on the server side only). Any
     * other exception stops the event too and goes to the namespace's error handler, as a handler's
     * would. It runs without the handler's request context: keep its state application-scoped.
     */
    default void onIncoming(IncomingEvent event) {
    }

    /**
     * Sees every event written to a socket of the namespace: its own emits, and each broadcast once
     * per socket it reaches (node's {@code onAnyOutgoing}). Observation only; it runs on the
     * sending thread, so it must be quick. Costs nothing when no bean overrides it.
     */
    default void onOutgoing(Socket socket, String event, List<?> args) {
    }

    /** An event a client sent, as middleware sees it. */
    interface IncomingEvent {
        Socket socket();

        String event();

        /** The arguments as plain values. */
        List<Object> args();

        <T> T arg(int index, Class<T> type);

        boolean hasAck();
    }
}
