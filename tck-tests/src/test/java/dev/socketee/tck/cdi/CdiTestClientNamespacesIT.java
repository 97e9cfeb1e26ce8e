package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.servers.ServerUnderTest;
import dev.socketee.testing.SocketTestClient;
import dev.socketee.testing.TestHttpSession;
import dev.socketee.testing.TestNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process test client of issue 12 (Flask-SocketIO's test client in Java) against the CDI
 * feature app booted by hand (Jetty + Weld Servlet in this JVM): a handshake of the test's own,
 * several namespaces on one connection, waiting with a deadline for what async handlers send.
 */
class CdiTestClientNamespacesIT {

    @BeforeAll
    static void appIsRunning() {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "the in-process test client needs the app in this JVM");
        CdiTestServer.baseUri();
    }

    @Test
    void theHandshakeHasTheTestsHeadersQueryPrincipalAndHttpSession() {
        try (SocketTestClient client = SocketTestClient.builder().header("X-Test", "kit").query("q", "v1")
                .principal(() -> "tess").httpSession(TestHttpSession.of(Map.of("user", "tess-session")))
                .connect("/", Map.of("user", "tess"))) {
            Map<?, ?> who = (Map<?, ?>) client.emitWithAck("whoami").get(0);
            assertEquals("kit", who.get("header"));
            assertEquals("v1", who.get("query"));
            assertEquals("tess", who.get("principal"));
            assertEquals("tess-session", who.get("sessionUser"));
            assertEquals(Map.of("id", client.id(), "user", "tess"), client.awaitEvent("welcome").arg(0));
        }
    }

    @Test
    void oneConnectionOnSeveralNamespaces() {
        try (SocketTestClient client = SocketTestClient.builder().build()) {
            TestNamespace main = client.namespace("/").connect();
            TestNamespace other = client.namespace("/other").connect();
            TestNamespace dyn = client.namespace("/dyn-7").connect();
            assertTrue(main.isConnected() && other.isConnected() && dyn.isConnected());
            assertEquals(List.of("/dyn-7"), dyn.awaitEvent("dyn-welcome").args());
            assertEquals(List.of("anything"), other.emitWithAck("anything", 1, 2));
            assertEquals(List.of("anything", 2), other.awaitEvent("caught").args());
            assertEquals(List.of("welcome"), main.received().stream().map(e -> e.name()).toList(), "each namespace its own events");

            client.disconnect("/other");
            assertFalse(client.isConnected("/other"));
            assertTrue(client.isConnected("/") && client.isConnected("/dyn-7"));
            assertEquals("/", ((Map<?, ?>) main.emitWithAck("whoami").get(0)).get("namespace"));
        }
    }

    @Test
    void anAsyncHandlersAckIsAwaitedNotSleptFor() {
        try (SocketTestClient client = SocketTestClient.builder().timeout(Duration.ofSeconds(3)).connect()) {
            assertEquals("done after", client.namespace("/").emitWithAckAsync("slow").orTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
                    .join().get(0));
        }
    }

    @Test
    void theServerDisconnectingASocketIsSeenByTheClient() {
        try (SocketTestClient client = SocketTestClient.builder().connect()) {
            client.emit("disconnect-me");
            client.namespace("/").awaitDisconnected();
            assertFalse(client.isConnected());
            assertTrue(client.isOpen(), "a namespace disconnect keeps the connection");
        }
    }
}
