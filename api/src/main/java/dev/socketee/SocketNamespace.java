package dev.socketee;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The namespace of every {@link OnSocketEvent} handler declared in this class, like a Flask-SocketIO
 * class-based {@code Namespace('/chat')}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @SocketNamespace("/chat")
 * public class Chat {
 *     String join(@Observes @OnSocketEvent("join") String room, Socket socket) { // on "/chat"
 *         socket.join(room);
 *         return "joined " + room;
 *     }
 * }
 * }</pre>
 *
 * Precedence: a handler whose {@code @OnSocketEvent(namespace = ...)} names a namespace other than
 * the default {@code "/"} keeps its own; every other handler of the class is on this namespace
 * (so a handler of {@code "/"} belongs in a class without this annotation). The value follows the
 * rules of {@link OnSocketEvent#namespace()} (a name starting with {@code /}, or a {@code ^} pattern)
 * and is checked at deployment. Applies to the methods the class declares, not to subclasses'.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SocketNamespace {

    /** The namespace, e.g. {@code "/chat"}, or a pattern such as {@code "^/room-\\d+$"}. */
    String value();
}
