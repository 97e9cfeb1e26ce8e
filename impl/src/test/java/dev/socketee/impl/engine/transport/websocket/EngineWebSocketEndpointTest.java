package dev.socketee.impl.engine.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint against a container that reads the client's first frame while onOpen still runs
 * (Payara's Tyrus does, now and then): the frame must be handled, after the endpoint is set up.
 */
class EngineWebSocketEndpointTest {

    private EngineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A parked-GET-less polling transport: the session to upgrade. */
    private static final class Polling implements Transport {
        @Override
        public String name() {
            return EngineIoOptions.POLLING;
        }

        @Override
        public void send(List<EnginePacket> packets) {
        }

        @Override
        public void close() {
        }
    }

    private static final HandshakeInfo HANDSHAKE = new HandshakeInfo(Map.of(), Map.of(),
            InetSocketAddress.createUnresolved("127.0.0.1", 1), System.currentTimeMillis(), null, null);

    /** A server without heartbeats in the test's time; {@code closes} gets each session's close reason. */
    private EngineServer start(java.util.function.Consumer<String> closes) {
        server = new EngineServer(EngineIoOptions.builder().pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5)).build(),
                new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                        closes.accept(reason);
                    }
                });
        return server;
    }

    @Test
    void theContainersOnCloseEndsTheSessionWithoutClosingTheConnectionAgain() {
        java.util.concurrent.CompletableFuture<String> reason = new java.util.concurrent.CompletableFuture<>();
        FakeWebSocket ws = new FakeWebSocket(); // still says isOpen() in onClose, as a container in the middle of its close may
        EngineWebSocketEndpoint endpoint = new EngineWebSocketEndpoint(start(reason::complete), HANDSHAKE, null);
        endpoint.onOpen(ws.session(), null);

        endpoint.onClose(ws.session(), new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.CLOSED_ABNORMALLY, ""));

        assertEquals("transport close", reason.getNow(null), "the session ends at once");
        assertEquals(null, ws.closed(), "no close of our own inside the container's onClose");
    }

    @Test
    void aProbeReadWhileOnOpenRunsIsAnswered() {
        EngineSession polling = start(reason -> { }).open(new Polling(), HANDSHAKE);
        FakeWebSocket ws = new FakeWebSocket().readingDuringOnOpen("2probe");

        new EngineWebSocketEndpoint(server, HANDSHAKE, polling.id()).onOpen(ws.session(), null);

        assertEquals(List.of("3probe"), ws.sent(), "the probe read during onOpen is answered once");
    }
}
