package dev.socketee;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI observer method as a Socket.IO handler, like Flask-SocketIO's
 * {@code @socketio.on('event', namespace='/chat')}. The observed type is {@link SocketEvent}, or,
 * for events, the type of the first argument (the payload).
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Chat {
 *     void connected(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = "/chat") SocketEvent e) {
 *         e.socket().emit("welcome", Map.of("id", e.socket().id()));
 *     }
 *     void message(@Observes @OnSocketEvent(value = "chat_message", namespace = "/chat") SocketEvent e) {
 *         e.socket().broadcast().emit("chat_message", e.data(String.class));
 *     }
 * }
 * }</pre>
 *
 * The concise forms: the payload as the observed type, further parameters by type ({@link Socket},
 * {@link Handshake}, {@link SocketEvent}, {@link AckCallback}; any other type is the next event
 * argument), the return value as the ack, and the namespace from the class's {@link SocketNamespace}:
 *
 * <pre>{@code
 * @ApplicationScoped
 * @SocketNamespace("/chat")
 * public class Chat {
 *     String join(@Observes @OnSocketEvent("join") String room, Socket socket) {
 *         socket.join(room);
 *         return "joined " + room;                           // the ack
 *     }
 *     CompletionStage<Integer> count(@ObservesAsync @OnSocketEvent("count") String room) {
 *         return store.countAsync(room);                     // acked when the stage completes
 *     }
 * }
 * }</pre>
 *
 * Who answers the ack: a handler that holds it ({@code void}, taking a {@link SocketEvent} or an
 * {@link AckCallback}) answers it itself, when it likes, and nothing is sent for it (node); every
 * other handler is answered when it completes (Flask-SocketIO): with its return value, or with no
 * arguments for {@code void} or null; with {@code [{"message":"server error"}]} if it throws or its
 * stage fails (the error handlers get the exception). A handler with a return value cannot call
 * {@link SocketEvent#ack}. Every form is checked at deployment; a bad one fails the deployment
 * with a message naming {@code Class#method}.
 *
 * <p>A namespace exists when some handler names it; a client connecting to any other namespace
 * gets CONNECT_ERROR "Invalid namespace". A namespace starting with {@code ^} is a regular
 * expression (node's {@code io.of(/^\/room-\d+$/)}): each concrete namespace that matches is
 * created on its first connection.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface OnSocketEvent {

    /** A client connected; {@link SocketEvent#auth} has the CONNECT payload. Refuse with {@link ConnectionRefusedException}. */
    String CONNECT = "connect";
    /** The socket is leaving; its rooms are still readable. */
    String DISCONNECTING = "disconnecting";
    /** The socket left; {@link SocketEvent#reason()} says why. */
    String DISCONNECT = "disconnect";
    /** The unnamed event of {@code socket.send(...)}. */
    String MESSAGE = "message";
    /** Every event of the namespace that has no handler of its own. */
    String ANY = "*";
    /** A handler of the namespace threw; {@link SocketEvent#error()} has the exception. */
    String ERROR = "$error";

    /** The event name, or one of the constants above. */
    String value();

    /** The namespace, {@code "/"} by default; {@code "*"} for the default error handler of every namespace. */
    String namespace() default "/";

    /** An instance, for looking handlers up programmatically. */
    final class Literal extends AnnotationLiteral<OnSocketEvent> implements OnSocketEvent {
        private static final long serialVersionUID = 1L;
        private final String value;
        private final String namespace;

        private Literal(String value, String namespace) {
            this.value = value;
            this.namespace = namespace;
        }

        public static Literal of(String value, String namespace) {
            return new Literal(value, namespace);
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String namespace() {
            return namespace;
        }
    }
}
