package dev.socketee;

import java.util.Optional;
import java.util.Set;

/**
 * The server handle, injectable anywhere ({@code @Inject SocketIo io}) to emit from outside a
 * handler: another bean, a JAX-RS resource, a scheduled task, a managed executor.
 *
 * <pre>{@code
 * @Inject SocketIo io;
 *
 * void publish(Order o) {
 *     io.of("/orders").to("watchers").emit("order", o);
 *     io.emit("tick", System.currentTimeMillis());          // every socket of "/"
 * }
 * }</pre>
 */
public interface SocketIo {

    /** Every socket of a namespace, as an emitter to narrow down. */
    Emitter of(String namespace);

    /** The sockets of {@code room} in {@code "/"}. */
    default Emitter to(String room) {
        return of("/").to(room);
    }

    /** Emits to every socket of {@code "/"}. */
    default void emit(String event, Object... args) {
        of("/").emit(event, args);
    }

    /** A connected socket by namespace and id. */
    Optional<Socket> socket(String namespace, String id);

    /** Ids of the sockets in a room of a namespace (a snapshot). */
    Set<String> socketIds(String namespace, String room);

    /** Makes every socket leave {@code room} (Flask-SocketIO's {@code close_room}). */
    void closeRoom(String namespace, String room);

    /** Disconnects a socket; false when it is not connected. */
    default boolean disconnect(String namespace, String id) {
        Optional<Socket> s = socket(namespace, id);
        s.ifPresent(Socket::disconnect);
        return s.isPresent();
    }
}
