package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.testing.ReceivedEvent;
import dev.socketee.testing.SocketTestClient;
import java.util.List;
import java.util.Map;
import dev.socketee.tck.servers.ServerUnderTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process test client users get for their own JUnit tests, against the CDI feature app
 * running in this JVM: no network, same handlers.
 */
class CdiTestClientIT {

    @BeforeAll
    static void appIsRunning() {
        // the in-process client reaches the app through this JVM's CDI container: it is for users' unit tests
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "the in-process test client needs the app in this JVM");
        CdiTestServer.baseUri(); // starts the CDI app in this JVM
    }

    @Test
    void connectsAndReceivesWhatTheConnectHandlerEmitted() {
        try (SocketTestClient client = SocketTestClient.connect("/", Map.of("user", "tess"))) {
            assertTrue(client.isConnected());
            List<ReceivedEvent> events = client.received();
            assertEquals(1, events.size(), events::toString);
            assertEquals("welcome", events.get(0).name());
            assertEquals(Map.of("id", client.id(), "user", "tess"), events.get(0).args().get(0));
            assertEquals(List.of(), client.received(), "received() clears the list");
        }
    }

    @Test
    void refusedConnectionReportsTheConnectError() {
        try (SocketTestClient client = SocketTestClient.connect("/", Map.of("token", "bad"))) {
            assertFalse(client.isConnected());
            assertEquals(Map.of("message", "refused", "data", Map.of("reason", "bad token")), client.connectError());
        }
    }

    @Test
    void unknownNamespaceIsRefused() {
        try (SocketTestClient client = SocketTestClient.connect("/nope")) {
            assertFalse(client.isConnected());
            assertEquals("Invalid namespace", client.connectError().get("message"));
        }
    }

    @Test
    void acksTypedBindingAndSessionState() {
        try (SocketTestClient client = SocketTestClient.connect("/")) {
            assertEquals(List.of(Map.of("count", 1, "n", 42, "text", "HEY")), client.emitWithAck("typed", Map.of("text", "hey", "n", 21)));
            assertEquals(List.of(Map.of("count", 2, "n", 2, "text", "A")), client.emitWithAck("typed", Map.of("text", "a", "n", 1)));
            assertEquals(List.of(1, "x", true), client.emitWithAck("echo", 1, "x", true));
            assertEquals(List.of("anonymous"), client.emitWithAck("session"));
        }
    }

    @Test
    void broadcastsWriteRecordsWithJsonB() {
        try (SocketTestClient client = SocketTestClient.connect("/")) {
            client.received();
            client.emitWithAck("broadcast-record");
            List<ReceivedEvent> got = client.received();
            assertEquals("record-message", got.get(0).name());
            assertEquals(List.of(Map.of("count", 1, "n", 7, "text", "rec")), got.get(0).args());
        }
    }

    @Test
    void binaryBothWays() {
        try (SocketTestClient client = SocketTestClient.connect("/")) {
            List<Object> ack = client.emitWithAck("binary", (Object) new byte[] {1, 2, 3});
            Map<?, ?> body = (Map<?, ?>) ack.get(0);
            assertArrayEquals(new byte[] {3, 2, 1}, (byte[]) body.get("reversed"));
            assertEquals(3, body.get("length"));
        }
    }

    @Test
    void emitsOfHandlersAndServerToClientAcks() {
        try (SocketTestClient client = SocketTestClient.connect("/")) {
            client.received();
            client.emit("message", "hi");
            assertEquals(List.of("echo: hi"), client.received().get(0).args());

            client.emit("ask-client", "ready?", 2000);
            ReceivedEvent question = client.received().get(0);
            assertEquals("question", question.name());
            assertTrue(question.wantsAck());
            question.ack("yes");
            List<ReceivedEvent> answer = client.received();
            assertEquals("answer", answer.get(0).name());
            assertEquals(List.of("yes", 1), answer.get(0).args());
        }
    }

    @Test
    void roomsBetweenTwoTestClients() {
        try (SocketTestClient a = SocketTestClient.connect("/"); SocketTestClient b = SocketTestClient.connect("/")) {
            a.emitWithAck("join", "tc-room");
            b.received();
            a.emitWithAck("to-room", "tc-room", "not for b");
            assertEquals(List.of(), b.received());
            b.emitWithAck("join", "tc-room");
            b.emitWithAck("to-room", "tc-room", "for a");
            List<ReceivedEvent> got = a.received();
            assertEquals("room-message", got.get(got.size() - 1).name());
            assertEquals(List.of("for a"), got.get(got.size() - 1).args());
        }
    }

    @Test
    void serverHandleDisconnectsASocketById() {
        try (SocketTestClient target = SocketTestClient.connect("/"); SocketTestClient other = SocketTestClient.connect("/")) {
            dev.socketee.SocketIo io = jakarta.enterprise.inject.spi.CDI.current().select(dev.socketee.SocketIo.class).get();
            assertTrue(io.socketIds("/", target.id()).contains(target.id()));
            assertTrue(io.disconnect("/", target.id()));
            assertFalse(target.isConnected(), "the client got DISCONNECT");
            assertFalse(io.disconnect("/", target.id()), "already gone");
            assertTrue(other.isConnected());
            assertEquals(List.of(List.of("disconnecting " + target.id() + " server namespace disconnect rooms=[" + target.id() + "]",
                    "disconnect " + target.id() + " server namespace disconnect")), other.emitWithAck("log", target.id()));
        }
    }

    @Test
    void disconnectIsSeenByTheServerWithItsReason() {
        SocketTestClient client = SocketTestClient.connect("/");
        String id = client.id();
        client.disconnect();
        assertFalse(client.isConnected());
        client.close();
        try (SocketTestClient observer = SocketTestClient.connect("/")) {
            List<Object> log = observer.emitWithAck("log", id);
            assertEquals(List.of(List.of("disconnecting " + id + " client namespace disconnect rooms=[" + id + "]",
                    "disconnect " + id + " client namespace disconnect")), log);
        }
    }
}
