package dev.socketee.tck.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The official Java client io.socket:socket.io-client 2.1.2: connection, auth, messages, server disconnect. */
class JavaClientIT {

    static Stream<Arguments> transports() {
        return JavaClient.served(Stream.of(Arguments.of("websocket", JavaClient.WEBSOCKET), Arguments.of("polling", JavaClient.POLLING),
                Arguments.of("default", JavaClient.DEFAULT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void connectsAndReceivesItsAuth(String name, String[] transports) {
        try (JavaClient c = JavaClient.create("/", transports, Map.of("token", "abc", "user", "é€"))) {
            c.connect();
            assertTrue(c.socket.connected());
            assertNotNull(c.socket.id());
            Object[] auth = c.await("auth");
            assertEquals(1, auth.length);
            assertTrue(auth[0] instanceof JSONObject, () -> "auth arg: " + auth[0]);
            assertEquals("abc", JavaClient.get(auth[0], "token"));
            assertEquals("é€", JavaClient.get(auth[0], "user"));
            assertEquals(2, ((JSONObject) auth[0]).length(), auth[0]::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void withoutAuthTheAuthEventCarriesAnEmptyObject(String name, String[] transports) {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            Object[] auth = c.await("auth");
            assertEquals("{}", auth[0].toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void messageIsEchoedAsMessageBack(String name, String[] transports) throws Exception {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            JSONObject obj = JavaClient.json("3", "4", "list", new JSONArray("[1,\"x\",null,true]"));
            c.socket.emit("message", 1, "2", obj, "héllo € 😀");
            Object[] back = c.await("message-back");
            assertEquals(4, back.length);
            assertEquals(1, back[0]);
            assertEquals("2", back[1]);
            assertTrue(back[2] instanceof JSONObject, () -> "arg 2: " + back[2]);
            assertEquals("4", JavaClient.get(back[2], "3"));
            assertEquals("[1,\"x\",null,true]", JavaClient.get(back[2], "list").toString());
            assertEquals("héllo € 😀", back[3]);
            for (int i = 0; i < 20; i++) c.socket.emit("message", i);
            for (int i = 0; i < 20; i++) assertEquals(i, c.await("message-back")[0]);
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("polling")
    void defaultTransportsUpgradeToWebSocket() throws InterruptedException {
        java.util.concurrent.BlockingQueue<String> transports = new java.util.concurrent.LinkedBlockingQueue<>();
        try (JavaClient c = JavaClient.create("/", JavaClient.DEFAULT, null)) {
            c.socket.io().on(Manager.EVENT_TRANSPORT, args -> transports.add(
                    ((io.socket.engineio.client.Transport) args[0]).name));
            c.connect();
            // the websocket transport is created for the probe right after the polling handshake
            c.socket.emit("message", "m");
            assertEquals("m", c.await("message-back")[0]);
            assertEquals("polling", transports.poll(3, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals("websocket", transports.poll(3, java.util.concurrent.TimeUnit.SECONDS));
            // the upgraded session keeps working
            c.socket.emit("message", "after");
            assertEquals("after", c.await("message-back")[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void serverDisconnect(String name, String[] transports) {
        try (JavaClient c = JavaClient.create("/", transports, null).connect()) {
            c.socket.emit("server-disconnect");
            Object[] args = c.await(Socket.EVENT_DISCONNECT);
            assertEquals("io server disconnect", args[0]);
            assertTrue(!c.socket.connected());
            c.assertNone(Socket.EVENT_CONNECT, Duration.ofMillis(300));
        }
    }
}
