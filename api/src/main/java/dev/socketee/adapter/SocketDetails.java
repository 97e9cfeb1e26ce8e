package dev.socketee.adapter;

import java.util.Map;
import java.util.Set;

/**
 * What {@code fetchSockets} learns of a socket, on this node or another (node's RemoteSocket
 * fields): id, the handshake (headers, query, address, time, issued, url, auth, secure, xdomain as
 * node names them), rooms, and the socket's session data.
 */
public record SocketDetails(String id, Map<String, Object> handshake, Set<String> rooms, Map<String, Object> data) {

    /** Nulls are kept (a node.js peer sends them); data that was not an object arrives as an empty map. */
    public SocketDetails {
        handshake = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(handshake));
        rooms = Set.copyOf(rooms);
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
