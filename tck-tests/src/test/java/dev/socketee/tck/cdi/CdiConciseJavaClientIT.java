package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.tck.JavaClient;
import io.socket.client.Socket;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The concise handler forms ({@link ConciseHandlers} on "/concise") with the Java client io.socket: return
 * values as acks (sync, stage, async), payload-typed handlers, the empty ack of a handler without the ack,
 * the server-error ack, the late ack of an async handler, and the injected current Socket.
 */
class CdiConciseJavaClientIT {

    static Stream<Arguments> transports() {
        return JavaClient.served(Stream.of(Arguments.of("websocket", JavaClient.WEBSOCKET), Arguments.of("polling", JavaClient.POLLING),
                Arguments.of("default", JavaClient.DEFAULT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void returnValuesArePayloadTypedHandlersAcks(String name, String[] transports) throws Exception {
        try (CdiClient c = CdiClient.create("/concise", transports, null)) {
            c.socket.connect();
            c.await(Socket.EVENT_CONNECT);
            assertArrayEquals(new Object[] {"ret:x"}, c.ack("ret", "x"));
            assertArrayEquals(new Object[] {42}, c.ack("add", 40, 2));
            assertArrayEquals(new Object[] {"got hi", 7}, c.ack("chat", JavaClient.json("text", "hi", "n", 7)));
            assertArrayEquals(new Object[] {"hi", 7}, c.await("chat-echo"));
            assertArrayEquals(new Object[] {"later:y"}, c.ack("later", "y"));
            assertArrayEquals(new Object[] {}, c.ack("silent", "z"));
            Object[] failed = c.ack("fails", "f");
            assertEquals(1, failed.length);
            assertEquals("server error", ((JSONObject) failed[0]).getString("message"));
            assertArrayEquals(new Object[] {"async:a:worker"}, c.ack("async-ret", "a"));
            assertArrayEquals(new Object[] {"late", "c"}, c.ack("async-late", "c"));
            Object who = c.ack("whoami", "")[0];
            assertEquals(c.socket.id(), JavaClient.get(who, "id"));
            assertEquals("/concise", JavaClient.get(who, "nsp"));
        }
    }
}
