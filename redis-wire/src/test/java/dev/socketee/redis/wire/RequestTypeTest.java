package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The numbers of @socket.io/redis-adapter 8.3's RequestType enum (lib/index.ts). */
class RequestTypeTest {

    @Test
    void codesAsNodesEnum() {
        RequestType[] node = {RequestType.SOCKETS, RequestType.ALL_ROOMS, RequestType.REMOTE_JOIN, RequestType.REMOTE_LEAVE,
            RequestType.REMOTE_DISCONNECT, RequestType.REMOTE_FETCH, RequestType.SERVER_SIDE_EMIT, RequestType.BROADCAST,
            RequestType.BROADCAST_CLIENT_COUNT, RequestType.BROADCAST_ACK};
        for (int code = 0; code < node.length; code++) {
            assertEquals(code, node[code].code(), node[code].name());
            assertEquals(node[code], RequestType.of(code));
        }
        assertNull(RequestType.of(-1));
        assertNull(RequestType.of(node.length));
    }
}
