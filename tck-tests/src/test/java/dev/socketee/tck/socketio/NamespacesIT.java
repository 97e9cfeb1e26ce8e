package dev.socketee.tck.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import dev.socketee.tck.NodeScenarios;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.time.Duration;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Namespaces "/" and "/custom" multiplexed on one connection, and an unknown namespace. */
class NamespacesIT {

    @TestFactory
    Stream<DynamicTest> nodeScenarios() {
        return NodeScenarios.tests("namespaces-");
    }

    static Stream<Arguments> transports() {
        return JavaClient.served(Stream.of(Arguments.of("websocket", JavaClient.WEBSOCKET), Arguments.of("polling", JavaClient.POLLING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void javaTwoNamespacesShareOneSession(String name, String[] transports) {
        Manager m = JavaClient.manager(transports);
        try (JavaClient root = new JavaClient(m.socket("/", JavaClient.options(transports, null)));
             JavaClient custom = new JavaClient(m.socket("/custom", JavaClient.options(transports, null)))) {
            root.connect();
            String engineId = JavaClient.engineId(m);
            custom.connect();
            assertEquals(engineId, JavaClient.engineId(m), "both namespaces on one Engine.IO session");
            assertNotEquals(root.socket.id(), custom.socket.id());
            assertEquals("{}", root.await("auth")[0].toString());
            assertEquals("{}", custom.await("auth")[0].toString());
            root.socket.emit("message", "r");
            assertEquals("r", root.await("message-back")[0]);
            custom.socket.emit("message", "c"); // /custom has no message handler
            custom.assertNone("message-back", Duration.ofMillis(300));
            custom.socket.disconnect();
            root.socket.emit("message", "still");
            assertEquals("still", root.await("message-back")[0]);
            assertEquals(engineId, JavaClient.engineId(m));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void javaUnknownNamespaceIsRefused(String name, String[] transports) {
        try (JavaClient c = JavaClient.create("/random", transports, null)) {
            c.socket.connect();
            Object[] err = c.await(Socket.EVENT_CONNECT_ERROR);
            assertTrue(err[0] instanceof JSONObject, () -> "connect_error arg: " + err[0]);
            assertEquals("Invalid namespace", JavaClient.get(err[0], "message"));
            assertFalse(c.socket.connected());
        }
    }
}
