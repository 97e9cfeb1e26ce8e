package dev.socketee;

/**
 * Thrown by {@link SocketMiddleware#onIncoming} to stop an event: its handler does not run, and a
 * client that asked for an ack gets {@code {"message": message, "data": data}} (data left out when null).
 */
public class EventRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Object data;

    public EventRejectedException(String message) {
        this(message, null);
    }

    public EventRejectedException(String message, Object data) {
        super(message, null, false, false); // control flow, not a failure: no stack trace
        this.data = data;
    }

    public Object data() {
        return data;
    }
}
