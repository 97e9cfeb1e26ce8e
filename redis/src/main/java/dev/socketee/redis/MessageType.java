package dev.socketee.redis;

/** socket.io-adapter's ClusterAdapter message types (the sharded Redis adapter's format); codes from 1. */
enum MessageType {
    INITIAL_HEARTBEAT,
    HEARTBEAT,
    BROADCAST,
    SOCKETS_JOIN,
    SOCKETS_LEAVE,
    DISCONNECT_SOCKETS,
    FETCH_SOCKETS,
    FETCH_SOCKETS_RESPONSE,
    SERVER_SIDE_EMIT,
    SERVER_SIDE_EMIT_RESPONSE,
    BROADCAST_CLIENT_COUNT,
    BROADCAST_ACK,
    ADAPTER_CLOSE;

    int code() {
        return ordinal() + 1;
    }

    static MessageType of(int code) {
        MessageType[] all = values();
        return code >= 1 && code <= all.length ? all[code - 1] : null;
    }

    /** The types whose data may hold binary: sent as msgpack when they do, JSON otherwise. */
    boolean mayContainBinary() {
        return this == BROADCAST || this == BROADCAST_ACK || this == FETCH_SOCKETS_RESPONSE
                || this == SERVER_SIDE_EMIT || this == SERVER_SIDE_EMIT_RESPONSE;
    }
}
