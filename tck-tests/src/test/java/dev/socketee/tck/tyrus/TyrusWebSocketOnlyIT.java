package dev.socketee.tck.tyrus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawFrames;
import dev.socketee.tck.RawWs;
import dev.socketee.tck.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * What only a websocket-only server has (the {@code tyrus} execution): the Engine.IO handshake
 * over the websocket, requests the servlet would answer with an HTTP error closed with 1008
 * after the 101 (the close runs after onOpen, as on Payara's Tyrus where a close inside onOpen
 * failed), and a client frame that may arrive before onOpen is done (on Payara a probe was now
 * and then dropped so).
 */
class TyrusWebSocketOnlyIT {
    private static final String PATH = "/engine.io/";

    @BeforeAll
    static void onTyrus() {
        Assumptions.assumeTrue(TestServer.isTyrus(), "the websocket-only server (-Dsocketee.websocket=tyrus)");
    }

    @Test
    void theHandshakeHappensOverTheWebSocketWithoutUpgrades() {
        try (RawWs ws = RawWs.engine(PATH, null)) {
            String open = ws.nextText();
            assertTrue(open.startsWith("0{\"sid\":"), open);
            assertTrue(open.contains("\"upgrades\":[]"), open);
            ws.sendText("4hi");
            ws.expectText("4hi");
        }
    }

    @Test
    void anUnknownSidIsClosedWith1008AfterTheOpen() {
        try (RawWs ws = RawWs.engine(PATH, "abc")) {
            RawWs.Frame end = ws.awaitClose(RawWs.WAIT, false);
            assertEquals(1008, end.closeCode(), end::toString);
            assertTrue(ws.log.stream().noneMatch(RawWs.Frame::isText), () -> "no open packet: " + ws.log);
        }
    }

    @Test
    void anotherProtocolVersionIsClosedWith1008() {
        try (RawWs ws = RawWs.connect(PATH, "EIO=3&transport=websocket")) {
            assertEquals(1008, ws.awaitClose(RawWs.WAIT, false).closeCode());
        }
    }

    @Test
    void aForeignOriginIsClosedWith1008() {
        URI uri = URI.create(TestServer.wsBaseUrl() + PATH + "?EIO=4&transport=websocket");
        try (RawWs ws = RawWs.connect(uri, Map.of("Origin", "https://evil.example"))) {
            assertEquals(1008, ws.awaitClose(RawWs.WAIT, false).closeCode());
            assertTrue(ws.log.stream().noneMatch(RawWs.Frame::isText), () -> "no open packet: " + ws.log);
        }
    }

    /**
     * The client sends as soon as it has the 101, before the open packet: Tyrus on Grizzly writes
     * the 101 before it calls onOpen, so the frame may be read before the endpoint is ready.
     * (Sent in the same write as the upgrade request, which RFC 6455 forbids, Tyrus on Grizzly
     * drops it, Jetty answers it.)
     */
    @Test
    void aFrameSentRightAfterThe101IsAnswered() throws Exception {
        URI base = TestServer.baseUri();
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + PATH + "?EIO=4&transport=websocket HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: MDEyMzQ1Njc4OWFiY2RlZg==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = RawFrames.readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            out.write(RawFrames.maskedText("4early"));
            out.flush();
            String open = readText(in);
            assertTrue(open.startsWith("0{\"sid\":"), open);
            String next = readText(in);
            while (next.equals("2")) { // the server's pings (every 300 ms): the echo must come anyway
                next = readText(in);
            }
            assertEquals("4early", next);
        }
    }


    /** One unfragmented, unmasked text frame from the server (lengths up to 64 KiB). */
    private static String readText(InputStream in) throws IOException {
        int b0 = in.read();
        int len = in.read() & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        }
        assertEquals(0x81, b0, "a final text frame");
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

}
