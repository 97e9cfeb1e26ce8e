package dev.socketee.testing.junit5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.SocketIo;
import dev.socketee.testing.ReceivedEvent;
import dev.socketee.testing.SocketTestClient;
import dev.socketee.testing.TestHttpSession;
import dev.socketee.testing.TestNamespace;
import dev.socketee.testing.junit5.app.ChatHandlers;
import dev.socketee.testing.junit5.app.Greeting;
import dev.socketee.testing.junit5.app.RoomHandlers;
import dev.socketee.testing.junit5.app.VisitLog;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit against real handlers, booted by @SocketeeTest from a listed bean set. */
@SocketeeTest(beans = {RoomHandlers.class, ChatHandlers.class, VisitLog.class})
class SocketeeTestKitTest {

    @Inject
    VisitLog log;

    @Test
    void theConnectHandlerSeesAuthHeadersQueryPrincipalAndHttpSession(SocketTestClient.Builder builder) {
        try (SocketTestClient client = builder.header("X-Client", "junit").queryString("room=lobby&x=1")
                .principal(() -> "tess").httpSession(TestHttpSession.of(Map.of("cart", "3 items")))
                .connect("/", Map.of("user", "tess"))) {
            assertTrue(client.isConnected());
            Greeting g = client.awaitEvent("welcome").arg(0, Greeting.class);
            assertEquals(new Greeting(client.id(), "tess", "junit", "lobby", "tess", "3 items"), g);
            assertEquals(List.of(), client.received(), "awaitEvent took it out");
        }
    }

    @Test
    void aPlainClientHasNoPrincipalSessionOrQueryOfItsOwn(SocketTestClient client) {
        TestNamespace main = client.namespace("/").connect();
        assertEquals(new Greeting(main.id(), "anonymous", null, null, null, null), main.awaitEvent("welcome").arg(0, Greeting.class));
    }

    @Test
    void aRefusedConnectReportsMessageAndData(SocketTestClient client) {
        TestNamespace main = client.namespace("/").connect(Map.of("token", "bad"));
        assertFalse(main.isConnected());
        assertEquals(Map.of("message", "refused", "data", Map.of("reason", "bad token")), main.connectError());
        assertThrows(IllegalStateException.class, () -> main.emit("echo", 1), "no emit before a connect");
        assertTrue(main.connect().isConnected(), "a later connect on the same connection may pass");
    }

    @Test
    void anUnknownNamespaceIsRefused(SocketTestClient client) {
        assertEquals("Invalid namespace", client.namespace("/nope").connect().connectError().get("message"));
    }

    @Test
    void oneClientOnTwoNamespacesKeepsTheirEventsApart(SocketTestClient client) {
        TestNamespace main = client.namespace("/").connect();
        TestNamespace chat = client.namespace("/chat").connect();
        assertTrue(client.isConnected("/") && client.isConnected("/chat"));
        assertNotEquals(main.id(), chat.id());
        assertEquals(List.of("hello"), client.received("/chat").stream().map(ReceivedEvent::name).toList());
        assertEquals(List.of("welcome"), client.received("/").stream().map(ReceivedEvent::name).toList());
        assertEquals(List.of("chat: hi"), chat.emitWithAck("echo", "hi"));
        assertEquals(List.of("hi"), main.emitWithAck("echo", "hi"));

        client.disconnect("/chat");
        assertFalse(client.isConnected("/chat"));
        assertTrue(client.isConnected("/"), "the connection and its other namespace stay");
        assertTrue(log.entries().contains("/chat " + chat.id() + " client namespace disconnect"), log.entries()::toString);
        assertEquals(List.of(1, "x", true, Map.of("k", List.of(2))), main.emitWithAck("echo", 1, "x", true, Map.of("k", List.of(2))));
    }

    @Test
    void acksBothWays(SocketTestClient client) {
        TestNamespace main = client.namespace("/").connect();
        assertEquals(List.of("a", 2), main.emitWithAck("echo", "a", 2));
        assertEquals(List.of(), main.emitWithAck("echo"), "an empty ack is an ack");

        main.emit("ask", "ready?");
        ReceivedEvent question = main.awaitEvent("question");
        assertEquals(List.of("ready?"), question.args());
        assertTrue(question.wantsAck());
        question.ack("yes", 42);
        assertEquals(List.of(List.of("yes", 42)), main.awaitEvent("answer").args());
        assertFalse(main.awaitEvent("welcome").wantsAck());
    }

    @Test
    void roomsAndBroadcastsBetweenTwoClients(SocketTestClient.Builder builder) {
        try (SocketTestClient a = builder.connect(); SocketTestClient b = builder.connect()) {
            assertEquals(sorted(List.of(List.of(a.id(), "lobby"))), sorted(a.emitWithAck("join", "lobby")), "its own room and lobby");
            b.emit("say", "lobby", "not for b");
            assertEquals(List.of("not for b"), a.awaitEvent("said").args());
            assertTrue(b.received().stream().noneMatch(e -> e.name().equals("said")), "b is not in the room");

            b.emitWithAck("join", "lobby");
            a.emit("say", "lobby", "to all");
            assertEquals(List.of("to all"), a.awaitEvent("said").args(), "io.to(room) includes the sender");
            assertEquals(List.of("to all"), b.awaitEvent("said").args());

            a.emit("whisper", "lobby", "psst");
            assertEquals(List.of("psst"), b.awaitEvent("whispered").args());
            assertTrue(a.received().stream().noneMatch(e -> e.name().equals("whispered")), "socket.to(room) excludes the sender");
        }
    }

    @Test
    void theServerSideSocketIoReachesTestClients(SocketTestClient client, SocketIo io) {
        TestNamespace main = client.namespace("/").connect();
        assertEquals(java.util.Set.of(main.id()), io.socketIds("/", main.id()));
        io.emit("news", Map.of("n", 1));
        assertEquals(List.of(Map.of("n", 1)), main.awaitEvent("news").args());
    }

    @Test
    void binaryBothWays(SocketTestClient client) {
        TestNamespace main = client.namespace("/").connect();
        List<Object> ack = main.emitWithAck("reverse", (Object) new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {3, 2, 1}, (byte[]) ack.get(0));
        ReceivedEvent reversed = main.awaitEvent("reversed");
        assertArrayEquals(new byte[] {3, 2, 1}, (byte[]) reversed.arg(0));
        assertEquals(Map.of("length", 3), reversed.arg(1));
    }

    @Test
    void awaitEventWaitsForAnAsyncHandlersEmitAndNamesWhatDidNotCome(SocketTestClient client) {
        TestNamespace main = client.namespace("/").connect();
        main.emit("later", "done");
        assertEquals("done", main.awaitEvent("late").arg(0, String.class));
        long start = System.nanoTime();
        AssertionError none = assertThrows(AssertionError.class, () -> main.awaitEvent("never", Duration.ofMillis(200)));
        assertTrue(none.getMessage().contains("'never'"), none.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "the deadline, not a fixed wait");
    }

    @Test
    void disconnectsFromEitherSideWithNodesReasons(SocketTestClient.Builder builder) {
        SocketTestClient kicked = builder.connect();
        kicked.emit("kick");
        kicked.namespace("/").awaitDisconnected();
        assertFalse(kicked.isConnected());
        assertTrue(kicked.isOpen(), "a namespace disconnect leaves the connection");
        assertTrue(log.entries().contains("/ " + kicked.id() + " server namespace disconnect"), log.entries()::toString);
        kicked.close();

        SocketTestClient closed = builder.connect();
        String id = closed.id();
        closed.close();
        assertFalse(closed.isOpen());
        assertFalse(closed.isConnected());
        assertTrue(log.entries().contains("/ " + id + " transport close"), log.entries()::toString);
        assertThrows(IllegalStateException.class, () -> closed.emit("echo"));
    }

    private static List<Object> sorted(List<Object> ack) {
        return ((List<?>) ack.get(0)).stream().map(Object.class::cast).sorted((x, y) -> x.toString().compareTo(y.toString())).toList();
    }
}
