package dev.socketee;

import java.util.Map;
import java.util.Set;

/**
 * A socket found by {@link Emitter#fetchSockets()}, on this node or another (node's
 * {@code RemoteSocket}): what it was when fetched, and operations that reach it wherever it is.
 */
public interface RemoteSocket {

    String id();

    String namespace();

    /** Its rooms when fetched, its own id included. */
    Set<String> rooms();

    /**
     * The handshake as node describes it: {@code headers}, {@code query}, {@code address},
     * {@code time}, {@code issued}, {@code url}, {@code xdomain}, {@code secure}, {@code auth}.
     */
    Map<String, Object> handshake();

    /** Its session data when fetched ({@link Socket#session()}; node's {@code socket.data}). */
    Map<String, Object> data();

    void emit(String event, Object... args);

    void join(String... rooms);

    void leave(String... rooms);

    void disconnect(boolean close);
}
