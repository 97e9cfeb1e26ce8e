package dev.socketee.redis;

/** The request types of @socket.io/redis-adapter's classic protocol; the code is the ordinal. */
enum RequestType {
    SOCKETS,
    ALL_ROOMS,
    REMOTE_JOIN,
    REMOTE_LEAVE,
    REMOTE_DISCONNECT,
    REMOTE_FETCH,
    SERVER_SIDE_EMIT,
    BROADCAST,
    BROADCAST_CLIENT_COUNT,
    BROADCAST_ACK;

    int code() {
        return ordinal();
    }

    static RequestType of(int code) {
        RequestType[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }
}
