package dev.socketee.tck.socketio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawWs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Numbers whose conversion would cost seconds of CPU are malformed packets: the session closes
 * ("parse error") before anything converts them, and other clients are not slowed. Before the
 * JSON limits all three failed: the text events were echoed back as {@code message-back}, and
 * the binary one (a BigInteger built from 990,000 digits, 13 s of CPU) held the connection's
 * reader so long that the session died of ping timeout before its attachment could be sent.
 */
class JsonLimitsIT {

    private static final String HUGE_INTEGER = "1".repeat(990_000); // under maxPayload (1,000,000)

    @Test
    void binaryEventWithAHugeIntegerClosesTheSession() {
        try (RawWs other = SocketIoProtocolIT.open(); RawWs ws = SocketIoProtocolIT.open()) {
            SocketIoProtocolIT.connect(other, "");
            other.expectText("42[\"auth\",{}]");
            SocketIoProtocolIT.connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("451-[\"message\"," + HUGE_INTEGER + ",{\"_placeholder\":true,\"num\":0}]");
            ws.sendBinary(new byte[] {1});
            RawWs.Frame end = ws.awaitClose(Duration.ofSeconds(5), true);
            assertTrue(end.isClose() || end.isError(), end::toString);
            other.sendText("42[\"message\",\"other\"]");
            other.expectText("42[\"message-back\",\"other\"]");
        }
    }

    @Test
    void textEventWithAHugeIntegerClosesTheSession() {
        try (RawWs ws = SocketIoProtocolIT.open()) {
            SocketIoProtocolIT.connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("42[\"message\"," + HUGE_INTEGER + "]");
            RawWs.Frame end = ws.awaitClose(Duration.ofSeconds(5), true);
            assertTrue(end.isClose() || end.isError(), end::toString);
        }
    }

    @Test
    void hugeExponentClosesTheSession() {
        try (RawWs ws = SocketIoProtocolIT.open()) {
            SocketIoProtocolIT.connect(ws, "");
            ws.expectText("42[\"auth\",{}]");
            ws.sendText("42[\"message\",1e999999999]");
            RawWs.Frame end = ws.awaitClose(Duration.ofSeconds(5), true);
            assertTrue(end.isClose() || end.isError(), end::toString);
        }
    }
}
