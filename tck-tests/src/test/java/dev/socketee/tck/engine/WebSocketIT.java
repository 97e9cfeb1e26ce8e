package dev.socketee.tck.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawWs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Engine.IO over a raw WebSocket against the echo server at /engine.io/. */
class WebSocketIT {
    static final String PATH = "/engine.io/";

    static RawWs open() {
        RawWs ws = RawWs.engine(PATH, null);
        String open = ws.nextText();
        assertTrue(open.startsWith("0{\"sid\":"), open);
        return ws;
    }

    /**
     * node's engine.io default ({@code perMessageDeflate: false}): a client that offers
     * permessage-deflate (every browser, node's ws) gets no extension, so frames are not
     * compressed. Jetty accepted the offer before, compressing every frame.
     */
    @Test
    void permessageDeflateOfferIsDeclined() throws Exception {
        String extensions = dev.socketee.tck.DeflateOffer.negotiatedExtensions(dev.socketee.tck.TestServer.baseUri(), PATH);
        assertEquals(null, extensions, "no extension negotiated");
    }

    @Test
    void textIsEchoedAsText() {
        try (RawWs ws = open()) {
            ws.sendText("4hello");
            ws.expectText("4hello");
            ws.sendText("4héllo € \uD83D\uDE00");
            ws.expectText("4héllo € \uD83D\uDE00");
            ws.sendText("4");
            ws.expectText("4");
        }
    }

    @Test
    void binaryIsEchoedAsBinaryFrame() {
        try (RawWs ws = open()) {
            byte[] data = {1, 2, 3, 4, (byte) 0xff, 0};
            ws.sendBinary(data);
            RawWs.Frame f = ws.nextSkippingPings();
            assertTrue(f.isBinary(), () -> "expected a binary frame, got " + f);
            assertArrayEquals(data, f.binary());
        }
    }

    @Test
    void largeMessageIsEchoedWhole() {
        try (RawWs ws = open()) {
            String big = "4" + "x".repeat(200_000);
            ws.sendText(big);
            RawWs.Frame f = ws.nextSkippingPings();
            assertTrue(f.isText(), f::toString);
            assertEquals(big.length(), f.text().length());
            assertEquals(big, f.text());
        }
    }

    @Test
    void messagesKeepTheirOrder() {
        try (RawWs ws = open()) {
            for (int i = 0; i < 100; i++) ws.sendText("4n" + i);
            for (int i = 0; i < 100; i++) ws.expectText("4n" + i);
        }
    }

    @Test
    void clientClosePacketClosesTheConnection() {
        try (RawWs ws = open()) {
            ws.sendText("1");
            RawWs.Frame f = ws.awaitClose(Duration.ofSeconds(3), false);
            assertTrue(f.isClose() || f.isError(), f::toString);
        }
    }

    /**
     * Engine.IO v4: the server pings, a client PING is an error (node: "invalid heartbeat
     * direction", close reason "transport error"): the websocket is closed, no PONG is sent.
     * Before, every PING was answered outside the bounded buffer (999 KB PINGs to a client that
     * does not read grew the heap without bound).
     */
    @Test
    void aPingFromTheClientClosesTheConnection() {
        try (RawWs ws = open()) {
            ws.sendText("2" + "x".repeat(1000));
            RawWs.Frame f = ws.awaitClose(RawWs.WAIT, false);
            assertTrue(f.isClose() || f.isError(), f::toString);
            assertTrue(ws.log.stream().noneMatch(x -> x.isText() && x.text().startsWith("3")), () -> "no pong: " + ws.log);
        }
    }
}
