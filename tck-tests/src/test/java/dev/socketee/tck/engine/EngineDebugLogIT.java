package dev.socketee.tck.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.socketee.impl.engine.SessionTag;
import dev.socketee.tck.RawHttp;
import dev.socketee.tck.RawWs;
import dev.socketee.tck.TestServer;
import dev.socketee.tck.servers.ServerUnderTest;
import dev.socketee.tck.support.LogCapture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The debug switches with {@code dev.socketee=FINE} on the in-JVM conformance app: a whole session
 * is in the log (handshake, upgrade, every packet both ways, binary as sizes, the close with its
 * reason), each line names the session by its tag, and no line carries the sid.
 */
class EngineDebugLogIT {

    private final Logger root = Logger.getLogger("dev.socketee");
    private LogCapture capture;

    @BeforeEach
    void captureDebugLines() {
        assumeFalse(ServerUnderTest.isExternal() || System.getProperty("socketee.baseUri") != null,
                "the log of a server in another JVM cannot be read here");
        TestServer.baseUri(); // started before the switch, so only the test's own sessions are logged
        capture = LogCapture.of(root).atLevel(Level.FINE);
    }

    @AfterEach
    void restore() {
        if (capture != null) {
            capture.close();
        }
    }

    @Test
    void anEngineSessionFromHandshakeToCloseOverPollingAndTheUpgrade() throws Exception {
        String path = "/engine.io/";
        String sid = RawHttp.handshake(path);
        String tag = SessionTag.of(sid);
        CompletableFuture<HttpResponse<String>> pending = RawHttp.getAsync(RawHttp.pollingUri(path, sid));
        try (RawWs ws = RawWs.engine(path, sid)) {
            ws.sendText("2probe");
            ws.expectText("3probe");
            pending.get(5, TimeUnit.SECONDS);
            ws.sendText("5");
            ws.sendText("4hello");
            ws.expectText("4hello");
            ws.sendBinary(new byte[] {1, 2, 3});
            assertTrue(ws.nextSkippingPings().isBinary());
        }
        awaitLine("dev.socketee.engine " + tag + " closed: transport close");
        List<String> all = linesAbout(tag);
        for (String expected : List.of(
                "dev.socketee.engine " + tag + " handshake: new session on polling",
                "dev.socketee.engine " + tag + " upgrade: websocket connected, waiting for its probe",
                "dev.socketee.engine.packets " + tag + " < websocket 2probe",
                "dev.socketee.engine.packets " + tag + " > websocket 3probe",
                "dev.socketee.engine.packets " + tag + " > polling 6",
                "dev.socketee.engine " + tag + " upgrade: done, now on websocket",
                "dev.socketee.engine.packets " + tag + " < websocket 4hello",
                "dev.socketee.engine.packets " + tag + " > websocket 4hello",
                "dev.socketee.engine.packets " + tag + " < websocket binary 3 bytes",
                "dev.socketee.engine.packets " + tag + " > websocket binary 3 bytes")) {
            assertTrue(all.contains(expected), () -> "no line '" + expected + "' in\n" + String.join("\n", all));
        }
        assertTrue(all.stream().anyMatch(l -> l.startsWith("dev.socketee.engine.packets " + tag + " > polling 0{\"sid\":\"" + tag + "\"")),
                () -> "the open packet, with the tag for the sid:\n" + String.join("\n", all));
        assertNoSid(sid);
    }

    @Test
    void aSocketIoSessionItsSocketItsPacketsAndItsDisconnectReason() {
        try (RawWs ws = RawWs.connect("/socket.io/", "EIO=4&transport=websocket")) {
            String open = ws.nextText();
            String sid = RawHttp.sidOf(open);
            String tag = SessionTag.of(sid);
            ws.sendText("40");
            String connected = ws.nextText();
            assertTrue(connected.startsWith("40{\"sid\":\""), connected);
            String socketId = RawHttp.sidOf(connected);
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("42[\"message\",\"hi\"]");
            ws.expectText("42[\"message-back\",\"hi\"]");
            ws.sendText("451-[\"message\",{\"_placeholder\":true,\"num\":0}]");
            ws.sendBinary(new byte[] {7, 7, 7, 7});
            ws.expectText("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]");
            assertTrue(ws.nextSkippingPings().isBinary());
            ws.sendText("41");
            String disconnected = "dev.socketee.sio " + tag + " / socket " + socketId + " disconnected: client namespace disconnect";
            awaitLine(disconnected);
            List<String> all = linesAbout(tag);
            for (String expected : List.of(
                    "dev.socketee.sio " + tag + " / socket " + socketId + " connecting",
                    "dev.socketee.sio " + tag + " / socket " + socketId + " connected",
                    "dev.socketee.sio.packets " + tag + " < 0",
                    "dev.socketee.sio.packets " + tag + " > 0{\"sid\":\"" + socketId + "\"}",
                    "dev.socketee.sio.packets " + tag + " < 2[\"message\",\"hi\"]",
                    "dev.socketee.sio.packets " + tag + " > 2[\"message-back\",\"hi\"]",
                    "dev.socketee.sio.packets " + tag + " < 51-[\"message\",{\"_placeholder\":true,\"num\":0}]",
                    "dev.socketee.sio.packets " + tag + " < attachment 4 bytes",
                    "dev.socketee.sio.packets " + tag + " > 51-[\"message-back\",{\"_placeholder\":true,\"num\":0}] + attachment 4 bytes",
                    "dev.socketee.sio.packets " + tag + " < 1",
                    disconnected)) {
                assertTrue(all.contains(expected), () -> "no line '" + expected + "' in\n" + String.join("\n", all));
            }
            assertNoSid(sid);
        }
    }

    private void assertNoSid(String sid) {
        List<String> all = lines();
        assertFalse(all.isEmpty());
        for (String l : all) {
            assertFalse(l.contains(sid), () -> "the sid is in the log: " + l);
        }
    }

    private List<String> linesAbout(String tag) {
        return lines().stream().filter(l -> l.contains(" " + tag + " ")).toList();
    }

    /** "logger message" per record so far. */
    private List<String> lines() {
        return capture.records().stream().map(EngineDebugLogIT::line).toList();
    }

    private static String line(LogRecord r) {
        return r.getLoggerName() + " " + r.getMessage();
    }

    /** Waits (at most 5 s) for a line to be logged. */
    private void awaitLine(String line) {
        capture.await(r -> line.equals(line(r)), Duration.ofSeconds(5), "'" + line + "'");
    }
}
