package dev.socketee.tck.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawHttp;
import dev.socketee.tck.RawWs;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Socket.IO v5 packets on the wire, with a raw WebSocket (and raw polling) on /socket.io/. */
class SocketIoProtocolIT {
    static final String PATH = "/socket.io/";
    static final Pattern CONNECT_REPLY = Pattern.compile("40(/custom,)?\\{\"sid\":\"([A-Za-z0-9_-]+)\"\\}");

    /** Opens an Engine.IO websocket session on /socket.io/ (open packet consumed). */
    static RawWs open() {
        RawWs ws = RawWs.engine(PATH, null);
        String open = ws.nextText();
        assertTrue(open.startsWith("0{\"sid\":"), open);
        return ws;
    }

    /** Sends CONNECT to "/" and returns the Socket.IO sid of the reply. */
    static String connect(RawWs ws, String payload) {
        ws.sendText("40" + payload);
        RawWs.Frame f = ws.nextSkippingPings();
        Matcher m = CONNECT_REPLY.matcher(f.isText() ? f.text() : "");
        assertTrue(m.matches(), () -> "CONNECT reply must be 40{\"sid\":\"...\"}, got " + f);
        return m.group(2);
    }

    @Test
    void connectReplyCarriesSidThenAuthEvent() {
        try (RawWs ws = open()) {
            String sid = connect(ws, "");
            assertTrue(sid.length() >= 10, sid);
            ws.expectText("42[\"auth\",{}]");
        }
    }

    @Test
    void connectPayloadIsTheAuth() {
        try (RawWs ws = open()) {
            connect(ws, "{\"token\":\"123\",\"n\":[1,null]}");
            ws.expectText("42[\"auth\",{\"token\":\"123\",\"n\":[1,null]}]");
        }
    }

    @Test
    void socketIoSidDiffersFromEngineSid() {
        try (RawWs ws = RawWs.engine(PATH, null)) {
            String engineSid = RawHttp.sidOf(ws.nextText());
            String sid = connect(ws, "");
            assertNotEquals(engineSid, sid);
        }
    }

    @Test
    void customNamespaceOnTheSameConnection() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("40/custom,{\"x\":1}");
            RawWs.Frame f = ws.nextSkippingPings();
            Matcher m = CONNECT_REPLY.matcher(f.isText() ? f.text() : "");
            assertTrue(m.matches() && "/custom,".equals(m.group(1)), () -> "got " + f);
            ws.expectText("42/custom,[\"auth\",{\"x\":1}]");
            ws.sendText("42[\"message\",\"on root\"]");
            ws.expectText("42[\"message-back\",\"on root\"]");
        }
    }

    @Test
    void unknownNamespaceGetsConnectError() {
        try (RawWs ws = open()) {
            ws.sendText("40/random,");
            ws.expectText("44/random,{\"message\":\"Invalid namespace\"}");
            // the connection itself stays usable
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
        }
    }

    @Test
    void eventIsAnsweredWithMessageBack() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("42[\"message\",\"a\",1,{\"b\":[true,null]}]");
            ws.expectText("42[\"message-back\",\"a\",1,{\"b\":[true,null]}]");
        }
    }

    @Test
    void ackCarriesTheIdAndTheArguments() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("421[\"message-with-ack\",1,\"2\"]");
            ws.expectText("431[1,\"2\"]");
            ws.sendText("42987[\"message-with-ack\"]");
            ws.expectText("43987[]");
        }
    }

    @Test
    void binaryEventWithAttachment() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("451-[\"message\",{\"_placeholder\":true,\"num\":0}]");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.expectText("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]");
            RawWs.Frame bin = ws.nextSkippingPings();
            assertTrue(bin.isBinary(), bin::toString);
            assertArrayEquals(new byte[] {1, 2, 3}, bin.binary());
        }
    }

    @Test
    void binaryAckWithTwoAttachments() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("452-12[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.sendBinary(new byte[] {4});
            ws.sendBinary(new byte[] {5, 6});
            ws.expectText("462-12[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            RawWs.Frame b0 = ws.nextSkippingPings();
            RawWs.Frame b1 = ws.nextSkippingPings();
            assertArrayEquals(new byte[] {4}, b0.binary(), b0::toString);
            assertArrayEquals(new byte[] {5, 6}, b1.binary(), b1::toString);
        }
    }

    @Test
    void serverToClientAck() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("42[\"request-ack\",\"x\",2]");
            RawWs.Frame f = ws.nextSkippingPings();
            Matcher m = Pattern.compile("42(\\d+)\\[\"ack-request\",\"x\",2\\]").matcher(f.isText() ? f.text() : "");
            assertTrue(m.matches(), () -> "expected 42<id>[\"ack-request\",\"x\",2], got " + f);
            ws.sendText("43" + m.group(1) + "[\"y\",{\"z\":3}]");
            ws.expectText("42[\"ack-result\",\"y\",{\"z\":3}]");
        }
    }

    @Test
    void serverDisconnectSendsDisconnectPacketAndCloses() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("42[\"server-disconnect\"]");
            ws.expectText("41");
            RawWs.Frame end = ws.awaitClose(Duration.ofSeconds(3), true);
            assertTrue(end.isClose() || end.isError(), end::toString);
        }
    }

    @Test
    void sessionWithoutConnectIsClosedAfterConnectTimeout() {
        try (RawWs ws = open()) {
            long opened = ws.log.get(0).nanos();
            RawWs.Frame end = ws.awaitClose(Duration.ofSeconds(4), true); // pings answered: only the connect timeout applies
            long ms = (end.nanos() - opened) / 1_000_000;
            assertTrue(ms >= 950 && ms <= 1500, () -> "closed " + ms + " ms after the open packet; frames " + ws.log);
        }
    }

    @Test
    void malformedPacketClosesTheSession() {
        try (RawWs other = open(); RawWs ws = open()) {
            connect(other, "");
            other.expectText("42[\"auth\",{}]");
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("42[\"unterminated");
            RawWs.Frame end = ws.awaitClose(Duration.ofSeconds(3), true);
            assertTrue(end.isClose() || end.isError(), end::toString);
            other.sendText("42[\"message\",\"other\"]");
            other.expectText("42[\"message-back\",\"other\"]");
        }
    }

    @Test
    void unknownPacketTypeClosesTheSession() {
        try (RawWs ws = open()) {
            connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("49[\"message\"]");
            RawWs.Frame end = ws.awaitClose(Duration.ofSeconds(3), true);
            assertTrue(end.isClose() || end.isError(), end::toString);
        }
    }

    @Test
    void connectOverPolling() {
        String sid = RawHttp.handshake(PATH);
        RawHttp.postOk(PATH, sid, "40{\"p\":true}");
        List<String> packets = RawHttp.pollPackets(PATH, sid, 2);
        assertTrue(CONNECT_REPLY.matcher(packets.get(0)).matches(), () -> "CONNECT reply: " + packets);
        assertEquals("42[\"auth\",{\"p\":true}]", packets.get(1));
        RawHttp.postOk(PATH, sid, RawHttp.payload("42[\"message\",1]", "421[\"message-with-ack\",2]"));
        assertEquals(List.of("42[\"message-back\",1]", "431[2]"), RawHttp.pollPackets(PATH, sid, 2));
    }

    /** Polling session on /socket.io/ connected to "/", with the probe of an upgrade answered; returns the sid. */
    static String connectedPollingSessionWithProbe(RawWs ws, String sid) {
        ws.sendText("2probe");
        ws.expectText("3probe");
        return sid;
    }

    static String pollingConnected() {
        String sid = RawHttp.handshake(PATH);
        RawHttp.postOk(PATH, sid, "40");
        List<String> first = RawHttp.pollPackets(PATH, sid, 2);
        assertTrue(CONNECT_REPLY.matcher(first.get(0)).matches(), first::toString);
        assertEquals("42[\"auth\",{}]", first.get(1));
        return sid;
    }

    /**
     * GETs until the noop that ends polling during an upgrade, or the end of the session; returns whether
     * the noop came, adding every other packet (pings excepted) to {@code received}.
     */
    static boolean drainPollingUntilNoop(String sid, List<String> received) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            java.net.http.HttpResponse<String> r;
            try {
                r = RawHttp.CLIENT.send(java.net.http.HttpRequest.newBuilder(RawHttp.pollingUri(PATH, sid))
                        .timeout(Duration.ofSeconds(3)).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                received.add("<polling GET failed: " + e + ">");
                return false;
            }
            if (r.statusCode() != 200) {
                received.add("<polling GET " + r.statusCode() + " " + r.body() + ">");
                return false;
            }
            for (String p : RawHttp.packets(r.body())) {
                if (p.equals("6")) return true;
                if (!p.equals("2")) received.add(p);
                if (p.equals("1")) return false;
            }
        }
        received.add("<no noop within 5 s>");
        return false;
    }

    @Test
    void eventDuringUpgradeIsAnsweredOnceOnEitherTransport() {
        String sid = pollingConnected();
        List<String> received = new java.util.ArrayList<>();
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            connectedPollingSessionWithProbe(ws, sid);
            RawHttp.postOk(PATH, sid, "42[\"message\",\"during\"]");
            boolean noop = drainPollingUntilNoop(sid, received);
            assertTrue(noop, () -> "polling not released with a noop; got " + received);
            ws.sendText("5");
            ws.sendText("42[\"message\",\"after\"]");
            receiveUntil(ws, received, "42[\"message-back\",\"after\"]");
        }
        assertEquals(List.of("42[\"message-back\",\"during\"]", "42[\"message-back\",\"after\"]"), received,
                "packets received across the upgrade (polling, then websocket)");
    }

    @Test
    void serverDisconnectDuringUpgradeIsDelivered() {
        String sid = pollingConnected();
        List<String> received = new java.util.ArrayList<>();
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            connectedPollingSessionWithProbe(ws, sid);
            RawHttp.postOk(PATH, sid, "42[\"server-disconnect\"]");
            boolean noop = drainPollingUntilNoop(sid, received);
            if (noop && !received.contains("41")) {
                // the DISCONNECT was not sent over polling: it must come over the websocket once upgraded
                ws.sendText("5");
                receiveUntilDisconnect(ws, received);
            }
        }
        assertEquals(1, received.stream().filter("41"::equals).count(),
                () -> "the DISCONNECT packet 41 must be delivered exactly once across the upgrade; received " + received);
    }

    /** Polling already paused by the noop, upgrade not yet completed ("5" not sent): packets wait for the websocket. */
    @Test
    void serverDisconnectWhilePollingIsPausedIsDeliveredOverWebSocket() {
        String sid = pollingConnected();
        List<String> received = new java.util.ArrayList<>();
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            connectedPollingSessionWithProbe(ws, sid);
            assertTrue(drainPollingUntilNoop(sid, received), () -> "no noop; got " + received);
            RawHttp.postOk(PATH, sid, "42[\"message\",\"paused\"]\u001e42[\"server-disconnect\"]");
            ws.sendText("5");
            receiveUntilDisconnect(ws, received);
        }
        assertEquals(List.of("42[\"message-back\",\"paused\"]", "41"), received,
                "packets emitted while polling was paused must be flushed over the websocket before the close");
    }

    @Test
    void eventWhilePollingIsPausedIsAnsweredOverWebSocket() {
        String sid = pollingConnected();
        List<String> received = new java.util.ArrayList<>();
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            connectedPollingSessionWithProbe(ws, sid);
            assertTrue(drainPollingUntilNoop(sid, received), () -> "no noop; got " + received);
            RawHttp.postOk(PATH, sid, "42[\"message\",\"paused\"]");
            ws.sendText("5");
            ws.sendText("42[\"message\",\"after\"]");
            receiveUntil(ws, received, "42[\"message-back\",\"after\"]");
        }
        assertEquals(List.of("42[\"message-back\",\"paused\"]", "42[\"message-back\",\"after\"]"), received);
    }

    /** Text frames (pings left out) into {@code received} until the DISCONNECT 41, the websocket's end, or 3 s. */
    private static void receiveUntilDisconnect(RawWs ws, List<String> received) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline && !received.contains("41")) {
            RawWs.Frame f = ws.next(Duration.ofSeconds(3));
            if (f.isClose() || f.isError()) {
                received.add("<websocket " + f + ">");
                break;
            }
            if (f.isText() && !f.text().equals("2")) received.add(f.text());
        }
    }

    /** Text frames (pings left out) into {@code received} until {@code last}; anything but text fails. */
    private static void receiveUntil(RawWs ws, List<String> received, String last) {
        while (!received.contains(last)) {
            RawWs.Frame f = ws.nextSkippingPings();
            assertTrue(f.isText(), () -> "unexpected " + f + "; received " + received);
            received.add(f.text());
        }
    }
}
