package dev.socketee.redis.wire;

/**
 * The {@code type} numbers of the requests and responses between nodes of the classic Redis
 * adapter, as @socket.io/redis-adapter's {@code RequestType} enum numbers them: the code is the
 * ordinal, so the order here is the wire format. The emitter sends only those up to
 * {@link #SERVER_SIDE_EMIT}: it has no sockets and never waits for an answer.
 */
public enum RequestType {
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

    private static final RequestType[] BY_CODE = values();

    /** The number on the wire. */
    public int code() {
        return ordinal();
    }

    /** The type of a number from the wire; {@code null} for one this protocol version does not know. */
    public static RequestType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
