package dev.socketee.tck.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import dev.socketee.tck.NodeScenarios;
import io.socket.client.Ack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Binary arguments (attachments): node's Buffers (scenarios/binary-*.mjs) and the Java client's byte[]. */
class BinaryIT {

    @TestFactory
    Stream<DynamicTest> nodeScenarios() {
        return NodeScenarios.tests("binary-");
    }

    static Stream<Arguments> transports() {
        return JavaClient.served(Stream.of(Arguments.of("websocket", JavaClient.WEBSOCKET), Arguments.of("polling", JavaClient.POLLING)));
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + seed);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void javaByteArraysRoundTrip(String name, String[] transports) throws Exception {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            byte[] a = bytes(3, 1);
            byte[] big = bytes(100_000, 2);
            c.socket.emit("message", a, "text", big);
            Object[] back = c.await("message-back");
            assertEquals(3, back.length);
            assertArrayEquals(a, (byte[]) back[0]);
            assertEquals("text", back[1]);
            assertArrayEquals(big, (byte[]) back[2]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void javaNestedAttachmentsRoundTrip(String name, String[] transports) throws Exception {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            JSONArray list = new JSONArray();
            list.put(bytes(1, 3));
            list.put(JavaClient.json("deep", bytes(2, 4)));
            JSONObject obj = JavaClient.json("a", bytes(10, 5), "b", list, "n", 7);
            c.socket.emit("message", obj, bytes(0, 6));
            Object[] back = c.await("message-back");
            assertEquals(2, back.length);
            JSONObject o = (JSONObject) back[0];
            assertArrayEquals(bytes(10, 5), (byte[]) JavaClient.get(o, "a"));
            assertEquals(7, JavaClient.get(o, "n"));
            JSONArray l = (JSONArray) JavaClient.get(o, "b");
            assertEquals(2, l.length());
            assertArrayEquals(bytes(1, 3), (byte[]) l.get(0));
            assertArrayEquals(bytes(2, 4), (byte[]) JavaClient.get(l.get(1), "deep"));
            assertArrayEquals(new byte[0], (byte[]) back[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void javaBinaryInAcks(String name, String[] transports) throws Exception {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            CompletableFuture<Object[]> acked = new CompletableFuture<>();
            c.socket.emit("message-with-ack", new Object[] {bytes(5, 7), JavaClient.json("x", bytes(6, 8))},
                    (Ack) acked::complete);
            Object[] args = acked.get(5, TimeUnit.SECONDS);
            assertEquals(2, args.length);
            assertArrayEquals(bytes(5, 7), (byte[]) args[0]);
            assertArrayEquals(bytes(6, 8), (byte[]) JavaClient.get(args[1], "x"));
            // server -> client ack carrying binary both ways
            c.socket.emit("request-ack", bytes(4, 9));
            Object[] req = c.await("ack-request");
            assertEquals(2, req.length);
            assertArrayEquals(bytes(4, 9), (byte[]) req[0]);
            assertTrue(req[1] instanceof Ack, () -> "last ack-request arg must be an Ack, got " + req[1]);
            ((Ack) req[1]).call(bytes(3, 10), "t");
            Object[] res = c.await("ack-result");
            assertEquals(2, res.length);
            assertArrayEquals(bytes(3, 10), (byte[]) res[0]);
            assertEquals("t", res[1]);
        }
    }
}
