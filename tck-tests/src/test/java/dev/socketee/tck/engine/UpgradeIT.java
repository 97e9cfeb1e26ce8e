package dev.socketee.tck.engine;

import static dev.socketee.tck.RawHttp.handshake;
import static dev.socketee.tck.RawHttp.pollingUri;
import static dev.socketee.tck.RawHttp.postOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawHttp;
import dev.socketee.tck.RawWs;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Upgrade of a polling session to WebSocket: probe, noop on the pending GET, upgrade, no message lost. */
class UpgradeIT {
    static final String PATH = "/engine.io/";

    @Test
    void probeNoopAndUpgrade() throws Exception {
        String sid = handshake(PATH);
        CompletableFuture<HttpResponse<String>> pending = RawHttp.getAsync(pollingUri(PATH, sid));
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            ws.sendText("2probe");
            assertEquals("text(3probe)", ws.next().toString(), "answer to the probe");
            HttpResponse<String> res = pending.get(5, TimeUnit.SECONDS);
            List<String> packets = RawHttp.packets(res.body());
            // the pending GET is released with a noop (a ping may have been batched before it)
            assertEquals(200, res.statusCode());
            assertTrue(packets.stream().allMatch(p -> p.equals("6") || p.equals("2")) && packets.contains("6"),
                    () -> "pending GET during upgrade answered with " + RawHttp.show(res.body()));
            ws.sendText("5");
            ws.sendText("4over websocket");
            ws.expectText("4over websocket");
            ws.sendBinary(new byte[] {9, 8, 7});
            RawWs.Frame f = ws.nextSkippingPings();
            assertTrue(f.isBinary() && java.util.Arrays.equals(new byte[] {9, 8, 7}, f.binary()), f::toString);
        }
    }

    @Test
    void noMessageLostOrDuplicatedAcrossTheUpgrade() {
        String sid = handshake(PATH);
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();
        int n = 0;
        // 1) before the upgrade starts, over polling
        for (int i = 0; i < 5; i++) sent.add("4seq" + n++);
        postOk(PATH, sid, RawHttp.payload(sent.toArray(String[]::new)));
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            // 2) probe, then more over polling while the upgrade is in progress
            ws.sendText("2probe");
            ws.expectText("3probe");
            List<String> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) during.add("4seq" + n++);
            sent.addAll(during);
            postOk(PATH, sid, RawHttp.payload(during.toArray(String[]::new)));
            // 3) drain polling until the noop that frees it
            boolean noop = false;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!noop) {
                assertTrue(System.nanoTime() < deadline, () -> "no noop on polling; received " + received);
                HttpResponse<String> res = RawHttp.get(pollingUri(PATH, sid));
                assertEquals(200, res.statusCode(), res.body());
                for (String p : RawHttp.packets(res.body())) {
                    if (p.equals("6")) noop = true;
                    else if (!p.equals("2")) received.add(p);
                }
            }
            // 4) complete the upgrade and go on over websocket
            ws.sendText("5");
            for (int i = 0; i < 5; i++) {
                String m = "4seq" + n++;
                sent.add(m);
                ws.sendText(m);
            }
            while (received.size() < sent.size()) {
                RawWs.Frame f = ws.nextSkippingPings();
                assertTrue(f.isText(), () -> "unexpected " + f + "; received " + received);
                received.add(f.text());
            }
            ws.sendText("4end");
            ws.expectText("4end"); // nothing duplicated after the sequence either
        }
        assertEquals(sent, received, "echoes across the upgrade, in order, each once");
    }

    /**
     * Once the {@code 5} is in, polling on that sid is over: a GET sent right after it is refused
     * with 400 "Bad request" as in node, even when the container hands the GET to the servlet
     * before the websocket's {@code 5} reaches the session (it used to get 200 "6" then).
     */
    @Test
    void pollingRightAfterTheUpgradeIsRefused() {
        for (int i = 0; i < 40; i++) {
            String sid = handshake(PATH);
            try (RawWs ws = RawWs.engine(PATH, sid)) {
                ws.sendText("2probe");
                ws.expectText("3probe");
                ws.sendText("5");
                int attempt = i;
                HttpResponse<String> res = RawHttp.get(pollingUri(PATH, sid));
                assertEquals("400 {\"code\":3,\"message\":\"Bad request\"}", res.statusCode() + " " + RawHttp.show(res.body()),
                        () -> "GET after the upgrade, try " + (attempt + 1));
            }
        }
    }

    /** Messages echoed after the noop paused polling and before "5" must be flushed over the websocket. */
    @Test
    void echoesQueuedWhilePollingIsPausedArriveOverWebSocket() {
        String sid = handshake(PATH);
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            ws.sendText("2probe");
            ws.expectText("3probe");
            List<String> early = new ArrayList<>();
            boolean noop = false;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!noop && System.nanoTime() < deadline) {
                for (String p : RawHttp.packets(RawHttp.get(pollingUri(PATH, sid)).body())) {
                    if (p.equals("6")) noop = true;
                    else if (!p.equals("2")) early.add(p);
                }
            }
            assertTrue(noop && early.isEmpty(), () -> "expected a lone noop, got " + early);
            postOk(PATH, sid, RawHttp.payload("4p1", "4p2", "bAQID"));
            ws.sendText("5");
            ws.expectText("4p1");
            ws.expectText("4p2");
            RawWs.Frame bin = ws.nextSkippingPings();
            assertTrue(bin.isBinary() && java.util.Arrays.equals(new byte[] {1, 2, 3}, bin.binary()), bin::toString);
            ws.sendText("4w");
            ws.expectText("4w");
        }
    }

    /**
     * node's onWebSocket: a client already upgraded gets its second websocket (101) closed at
     * once, and the session and its first websocket go on. Before: HTTP 400.
     */
    @Test
    void aSecondWebSocketAfterTheUpgradeIsAcceptedThenClosed() {
        String sid = handshake(PATH);
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            ws.sendText("2probe");
            ws.expectText("3probe");
            ws.sendText("5");
            ws.sendText("4before");
            ws.expectText("4before");
            try (RawWs second = RawWs.engine(PATH, sid)) { // connect() fails on anything but 101
                RawWs.Frame f = second.awaitClose(RawWs.WAIT, false);
                assertTrue(f.isClose() || f.isError(), f::toString);
                assertTrue(second.log.stream().noneMatch(RawWs.Frame::isText), () -> "nothing but the close: " + second.log);
            }
            ws.sendText("4after");
            ws.expectText("4after");
        }
    }

    /** node: a client with a probe running gets a second websocket closed, and the first probe completes. */
    @Test
    void aSecondWebSocketDuringAProbeIsAcceptedThenClosed() {
        String sid = handshake(PATH);
        try (RawWs ws = RawWs.engine(PATH, sid)) {
            ws.sendText("2probe");
            ws.expectText("3probe");
            try (RawWs second = RawWs.engine(PATH, sid)) {
                RawWs.Frame f = second.awaitClose(RawWs.WAIT, false);
                assertTrue(f.isClose() || f.isError(), f::toString);
                assertTrue(second.log.stream().noneMatch(RawWs.Frame::isText), () -> "nothing but the close: " + second.log);
            }
            ws.sendText("5");
            ws.sendText("4upgraded");
            ws.expectText("4upgraded");
        }
    }

    /**
     * Two websockets on one sid before either probes: node's {@code maybeUpgrade} claims the
     * session for the first when it connects, so the second is closed at once, without a probe,
     * and the first upgrade goes on.
     */
    @Test
    void aSecondWebSocketBeforeAnyProbeClosesOnlyTheSecond() {
        String sid = handshake(PATH);
        try (RawWs first = RawWs.engine(PATH, sid); RawWs second = RawWs.engine(PATH, sid)) {
            RawWs.Frame f = second.awaitClose(RawWs.WAIT, false);
            assertTrue(second.log.stream().noneMatch(RawWs.Frame::isText), () -> "nothing but the close: " + second.log);
            first.sendText("2probe");
            first.expectText("3probe");
            assertTrue(f.isClose() || f.isError(), f::toString);
            first.sendText("5");
            first.sendText("4still");
            first.expectText("4still");
        }
    }
}
