package dev.socketee;

import java.lang.reflect.Type;
import java.util.List;

/**
 * What a handler observes: the socket, the event, its arguments, and the acknowledgement the
 * client may be waiting for.
 *
 * <pre>{@code
 * void onMove(@Observes @OnSocketEvent("move") SocketEvent e) {
 *     Move m = e.data(Move.class);               // argument 0 bound with JSON-B
 *     int speed = e.arg(1, Integer.class);       // further arguments by index
 *     byte[] thumbnail = e.arg(2, byte[].class); // binary arguments arrive as byte[]
 *     e.ack("ok", m.id());                       // answers the client's callback
 * }
 * }</pre>
 */
public interface SocketEvent {

    /** The socket the event came from (or that connected / disconnected). */
    Socket socket();

    /**
     * The event name: the client's, or connect / disconnect / disconnecting. In an error handler,
     * the event whose handler failed.
     */
    String name();

    /** The number of arguments. */
    int size();

    /** Argument 0 bound to {@code type}; null when absent or JSON null. */
    default <T> T data(Class<T> type) {
        return size() == 0 ? null : arg(0, type);
    }

    /**
     * Argument {@code index} bound to {@code type}: records and POJOs through JSON-B;
     * {@code String}, numbers, booleans, {@code Map}, {@code List}; {@code byte[]} for binary.
     *
     * @throws IllegalArgumentException when the argument cannot be bound to the type
     */
    <T> T arg(int index, Class<T> type);

    /** Argument {@code index} bound to a generic type such as {@code List<Item>}. */
    <T> T arg(int index, Type type);

    /** Argument {@code index} as JSON text (binary parts as {@code {"_placeholder":true,"num":N}}). */
    String json(int index);

    /**
     * All arguments as plain Java values: {@code Map}, {@code List}, {@code String}, numbers,
     * {@code Boolean}, {@code null}, {@code byte[]}. Maps and lists are mutable; until one is
     * first read or changed it is only the client's JSON text, and acking or emitting it writes
     * that text unchanged (an echo costs no parse and no serialisation).
     */
    List<Object> args();

    /** Whether the client asked for an acknowledgement. */
    boolean hasAck();

    /** Sends the acknowledgement (once; later calls are ignored). Arguments as for emit. */
    void ack(Object... args);

    /** For {@code connect}: the CONNECT auth payload bound to {@code type}, or null. */
    <T> T auth(Class<T> type);

    /** For {@code disconnect} / {@code disconnecting}: the reason, e.g. "transport close"; else null. */
    String reason();

    /** For {@code $error}: what the handler threw; else null. */
    Throwable error();
}
