package dev.socketee;

/**
 * Thrown by a {@code connect} handler to refuse the socket: the client gets CONNECT_ERROR
 * with the message and data (python-socketio's {@code ConnectionRefusedError}).
 *
 * <pre>{@code
 * void connect(@Observes @OnSocketEvent(OnSocketEvent.CONNECT) SocketEvent e) {
 *     if (e.socket().handshake().principal().isEmpty()) {
 *         throw new ConnectionRefusedException("not logged in", Map.of("login", "/login.html"));
 *     }
 * }
 * }</pre>
 */
public class ConnectionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Object data;

    public ConnectionRefusedException(String message) {
        this(message, null);
    }

    public ConnectionRefusedException(String message, Object data) {
        super(message, null, false, false);
        this.data = data;
    }

    /** Sent to the client as {@code err.data}; null for none. */
    public Object data() {
        return data;
    }
}
