package dev.socketee.testing.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.testing.SocketTestClient;
import dev.socketee.testing.junit5.app.ChatHandlers;
import dev.socketee.testing.junit5.app.RoomHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Socketee settings and the clients' deadline from the annotation. */
@SocketeeTest(packages = RoomHandlers.class, config = "socketee.max-namespaces-per-connection=1", timeoutMillis = 300)
class ConfiguredTest {

    @Test
    void theSettingsReachTheRuntime(SocketTestClient client) {
        assertTrue(client.namespace("/").connect().isConnected());
        assertFalse(client.namespace("/chat").connect().isConnected(), "one namespace per connection at most");
    }

    @Test
    void theClientsWaitAsLongAsTheAnnotationSays(SocketTestClient client, SocketTestClient.Builder builder) {
        assertEquals(Duration.ofMillis(300), client.timeout());
        assertEquals(Duration.ofMillis(300), builder.build().timeout());
        client.namespace("/").connect();
        long start = System.nanoTime();
        AssertionError noAck = assertThrows(AssertionError.class, () -> client.emitWithAck("say", "room", "no ack for this"));
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(ms >= 250 && ms < 3000, ms + " ms");
        assertTrue(noAck.getMessage().contains("'say'"), noAck.getMessage());
    }

    @Test
    void everyBeanOfThePackageIsDeployed(SocketTestClient.Builder builder) {
        try (SocketTestClient chat = builder.build()) {
            assertTrue(chat.namespace("/chat").connect().isConnected(), ChatHandlers.class.getSimpleName() + " is in the package too");
        }
    }
}
