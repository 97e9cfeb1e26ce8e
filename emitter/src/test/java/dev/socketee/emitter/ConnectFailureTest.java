package dev.socketee.emitter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisConnectionException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code create} is the one call that waits, and it fails at once, clearly, when Redis is not there. */
class ConnectFailureTest {

    @Test
    void nothingListeningFailsTheCreateNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = probe.getLocalPort();
        } // closed: nothing listens there now
        String uri = "redis://127.0.0.1:" + port;
        RedisConnectionException e = assertThrows(RedisConnectionException.class, () -> SocketIoEmitter.create(uri));
        assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains(String.valueOf(port)), e.getMessage());
    }
}
