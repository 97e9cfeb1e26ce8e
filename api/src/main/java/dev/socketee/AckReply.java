package dev.socketee;

import java.util.List;

/**
 * The arguments a client acknowledged an emit with.
 *
 * <pre>{@code
 * socket.emitWithAck("ping", Duration.ofSeconds(2)).thenAccept(r -> r.arg(0, String.class));
 * }</pre>
 */
public interface AckReply {

    int size();

    /** Argument {@code index} bound to {@code type} (JSON-B; byte[] for binary). */
    <T> T arg(int index, Class<T> type);

    /** All arguments as plain Java values. */
    List<Object> args();
}
