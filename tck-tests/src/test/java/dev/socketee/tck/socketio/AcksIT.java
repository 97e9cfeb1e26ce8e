package dev.socketee.tck.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import dev.socketee.tck.NodeScenarios;
import io.socket.client.Ack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Acknowledgements both ways: node (scenarios/acks-*.mjs) and the Java client. */
class AcksIT {

    @TestFactory
    Stream<DynamicTest> nodeScenarios() {
        return NodeScenarios.tests("acks-");
    }

    static Stream<Arguments> transports() {
        return JavaClient.served(Stream.of(Arguments.of("websocket", JavaClient.WEBSOCKET), Arguments.of("polling", JavaClient.POLLING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void javaClientToServerAck(String name, String[] transports) throws Exception {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            CompletableFuture<Object[]> acked = new CompletableFuture<>();
            c.socket.emit("message-with-ack", new Object[] {1, "2", JavaClient.json("3", 4)}, (Ack) acked::complete);
            Object[] args = acked.get(5, TimeUnit.SECONDS);
            assertEquals(3, args.length);
            assertEquals(1, args[0]);
            assertEquals("2", args[1]);
            assertEquals(4, JavaClient.get(args[1 + 1], "3"));
            // many concurrent acks, each completed with its own value
            List<CompletableFuture<Object[]>> all = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                CompletableFuture<Object[]> f = new CompletableFuture<>();
                all.add(f);
                c.socket.emit("message-with-ack", new Object[] {i}, (Ack) f::complete);
            }
            for (int i = 0; i < 30; i++) assertEquals(i, all.get(i).get(5, TimeUnit.SECONDS)[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void javaServerToClientAck(String name, String[] transports) throws Exception {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            c.socket.emit("request-ack", "A", JavaClient.json("k", "v"));
            Object[] req = c.await("ack-request");
            assertEquals(3, req.length, () -> "ack-request args: " + java.util.Arrays.toString(req));
            assertEquals("A", req[0]);
            assertEquals("v", JavaClient.get(req[1], "k"));
            assertTrue(req[2] instanceof Ack, () -> "last ack-request arg must be an Ack, got " + req[2]);
            ((Ack) req[2]).call("B", 2, JavaClient.json("c", true));
            Object[] res = c.await("ack-result");
            assertEquals(3, res.length);
            assertEquals("B", res[0]);
            assertEquals(2, res[1]);
            assertTrue(res[2] instanceof JSONObject);
            assertEquals(true, JavaClient.get(res[2], "c"));
        }
    }
}
