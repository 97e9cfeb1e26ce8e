package dev.socketee.impl.cdi;

/**
 * The event whose handler runs on this thread, for the {@code @RequestScoped} {@code Socket},
 * {@code Handshake} and {@code SocketEvent} beans (Flask's {@code request}). Set by
 * {@link HandlerInvoker} for exactly the call, inside the request context it activated, so a bean
 * created during the call sees its own event and never another's.
 */
final class CurrentEvent {

    private static final ThreadLocal<SocketEventImpl> CURRENT = new ThreadLocal<>();

    private CurrentEvent() {
    }

    static SocketEventImpl enter(SocketEventImpl e) {
        SocketEventImpl outer = CURRENT.get();
        CURRENT.set(e);
        return outer;
    }

    static void leave(SocketEventImpl outer) {
        CURRENT.set(outer); // set(null), not remove(): the next event on this thread reuses the slot (remove() cost ~1% per echo)
    }

    /** The current event; refuses outside a handler (the bean would otherwise be null). */
    static SocketEventImpl required(String what) {
        SocketEventImpl e = CURRENT.get();
        if (e == null) {
            throw new IllegalStateException("No Socket.IO event on this thread: " + what
                    + " is injectable in request-scoped beans used during a handler call");
        }
        return e;
    }
}
