package dev.socketee;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an observer of events another node of the cluster sent with
 * {@link SocketIo#serverSideEmit} (node's {@code io.on("event", ...)} for server-side emits).
 *
 * <pre>{@code
 * void onRefresh(@Observes @OnServerEvent("refresh-cache") ServerEvent e) {
 *     cache.invalidate(e.arg(0, String.class));
 *     e.ack("done");                       // when the sender waits: serverSideEmitWithAck
 * }
 * }</pre>
 *
 * Observers run on a Socketee thread with the request context active, never on the broker's.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface OnServerEvent {

    /** The event name. */
    String value();

    /** The namespace it was emitted on, {@code "/"} by default. */
    String namespace() default "/";

    /** An instance, for firing and looking observers up programmatically. */
    final class Literal extends AnnotationLiteral<OnServerEvent> implements OnServerEvent {
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
