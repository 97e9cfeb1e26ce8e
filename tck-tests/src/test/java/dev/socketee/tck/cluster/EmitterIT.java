package dev.socketee.tck.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.emitter.EmitterOptions;
import dev.socketee.emitter.SocketIoEmitter;
import dev.socketee.tck.servers.ServerUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Socketee's emitter (socketee-emitter) reaching the clients of a node.js node: a real redis-server,
 * a socket.io 4.8.1 server with {@code @socket.io/redis-adapter} 8.3.0 ({@link NodePeer}) and
 * socket.io-client 4.8.1 clients connected to it ({@link NodeClients}). Each test asserts that
 * exactly the targeted clients got exactly the data: after the operation, a fence event to every
 * client of the namespace, published after it on the same Redis connection, arrives after it; once
 * every client has its fence, whatever it has not got it will not get.
 *
 * <p>Needs no Socketee server, so it runs on the embedded default only.
 */
class EmitterIT {

    /** This class's channel prefix: other classes' nodes on the shared Redis never hear it. */
    private static final String KEY = "emitter-it";

    private static RedisServer redis;
    private static NodePeer peer;
    private static NodeClients clients;
    private static SocketIoEmitter emitter;

    private final List<String> connected = new ArrayList<>();
    private final Map<String, String> namespaceOf = new LinkedHashMap<>();
    private String prefix;
    private int fences;

    @BeforeAll
    static void cluster() {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "runs no Socketee server: embedded only");
        redis = RedisServer.shared();
        peer = NodePeer.start(redis.uri(), "key=" + KEY, "namespaces=/chat");
        clients = NodeClients.start();
        emitter = SocketIoEmitter.create(redis.uri(), EmitterOptions.builder().key(KEY).build());
    }

    @AfterAll
    static void stop() {
        if (emitter != null) emitter.close();
        if (clients != null) clients.close();
        if (peer != null) peer.close();
    }

    @BeforeEach
    void names(TestInfo test) {
        prefix = test.getTestMethod().orElseThrow().getName() + "-";
    }

    @AfterEach
    void disconnectClients() {
        for (String client : connected) {
            if (!clients.eventNames(client).contains("disconnect")) clients.disconnect(client);
        }
    }

    @Test
    void emitReachesEverySocketOfTheNamespaceOnly() throws Exception {
        connect("a", "/", "r1");
        connect("b", "/");
        connect("c", "/chat");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", 7L);
        item.put("tags", List.of("x", "y"));
        item.put("none", null);
        long receivers = get(emitter.emit("news", 1, "two", item, List.of(true, 2.5)));
        assertEquals(1, receivers, "one node subscribed to the namespace");
        fence();
        List<Object> expected = List.of(1L, "two", item, List.of(true, 2.5));
        assertEquals(List.of(expected), received("a", "news"));
        assertEquals(List.of(expected), received("b", "news"));
        assertEquals(List.of(), received("c", "news"), "another namespace");
    }

    @Test
    void emitToRoomsReachesTheirMembersOnce() {
        connect("a", "/", "r1");
        connect("b", "/", "r2");
        connect("d", "/", "r1", "r2");
        connect("e", "/");
        emitter.to(room("r1")).emit("one-room", "r1");
        emitter.to(room("r1"), room("r2")).emit("two-rooms", "r1+r2");
        fence();
        assertReceived("one-room", List.of("r1"), "a", "d");
        assertReceived("two-rooms", List.of("r1+r2"), "a", "b", "d"); // d, in both rooms, once
    }

    @Test
    void exceptLeavesOutRoomsAndSockets() {
        String a = connect("a", "/", "r1");
        connect("b", "/", "r2");
        connect("d", "/", "r1", "r2");
        emitter.except(room("r2")).emit("not-r2");
        emitter.to(room("r1")).except(room("r2")).emit("r1-not-r2");
        emitter.to(room("r1"), room("r2")).except(a).emit("not-a"); // a socket id is a room too
        fence();
        assertReceived("not-r2", List.of(), "a");
        assertReceived("r1-not-r2", List.of(), "a");
        assertReceived("not-a", List.of(), "b", "d");
    }

    @Test
    void namespacesAreSeparate() {
        connect("root", "/", "room");
        connect("chat", "/chat", "room");
        connect("other", "/chat");
        emitter.of("chat").to(room("room")).emit("chat-room", "c");
        emitter.of("/chat").emit("chat-all");
        fence();
        assertReceived("chat-room", List.of("c"), "chat");
        assertReceived("chat-all", List.of(), "chat", "other");
    }

    @Test
    void flagsAreAcceptedByTheAdapter() {
        // websocket only: a volatile packet is dropped for a polling client between two GETs
        connectWith(Map.of("transports", List.of("websocket")), "a", "/", "r1");
        connect("b", "/");
        emitter.to(room("r1")).asVolatile().compress(false).emit("flagged", "v");
        fence();
        assertReceived("flagged", List.of("v"), "a");
    }

    @Test
    void binaryAnywhereArrivesIntact() {
        connect("a", "/", "bin");
        connect("b", "/");
        byte[] small = {0, 1, 2, (byte) 255};
        byte[] large = new byte[70_000]; // bin32 on the way to Redis
        for (int i = 0; i < large.length; i++) large[i] = (byte) (i * 31);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("empty", new byte[0]);
        nested.put("list", List.of("text", large, Map.of("deeper", small)));
        emitter.to(room("bin")).emit("binary", small, nested, 3);
        fence();
        List<List<Object>> got = received("a", "binary");
        assertEquals(1, got.size(), "one delivery: " + got);
        List<Object> args = got.get(0);
        assertArrayEquals(small, (byte[]) args.get(0));
        Map<?, ?> map = (Map<?, ?>) args.get(1);
        assertArrayEquals(new byte[0], (byte[]) map.get("empty"));
        List<?> list = (List<?>) map.get("list");
        assertEquals("text", list.get(0));
        assertArrayEquals(large, (byte[]) list.get(1));
        assertArrayEquals(small, (byte[]) ((Map<?, ?>) list.get(2)).get("deeper"));
        assertEquals(3L, args.get(2));
        assertEquals(List.of(), received("b", "binary"));
    }

    @Test
    void socketsJoinThenEmitToTheNewRoomThenLeave() {
        connect("a", "/", "r1");
        connect("b", "/", "r2");
        connect("d", "/", "r1", "r2");
        emitter.to(room("r1")).except(room("r2")).socketsJoin(room("late"), room("later"));
        emitter.to(room("late")).emit("late", 1);
        emitter.to(room("later")).emit("later", 2);
        fence();
        assertReceived("late", List.of(1L), "a");
        assertReceived("later", List.of(2L), "a");
        emitter.socketsLeave(room("late"));
        emitter.to(room("late")).emit("after-leave");
        emitter.to(room("later")).emit("still-later");
        fence();
        assertReceived("after-leave", List.of());
        assertReceived("still-later", List.of(), "a");
    }

    @Test
    void disconnectSocketsDisconnectsTheSelectedOnes() {
        connect("a", "/", "r1");
        String b = connect("b", "/", "r2");
        connect("d", "/", "r1", "r2");
        String c = connect("c", "/chat", "r2");
        emitter.to(room("r2")).except(room("r1")).disconnectSockets(false);
        assertEquals(List.of("io server disconnect"), await("b", "disconnect"));
        emitter.of("/chat").disconnectSockets(true);
        await("c", "disconnect");
        assertEquals("server namespace disconnect", peer.awaitDisconnect(c, NodeProcess.WAIT).get("reason"));
        fence("/");
        assertEquals(List.of("connect", "fence-1"), eventNames("a"));
        assertEquals(List.of("connect", "fence-1"), eventNames("d"));
        assertEquals(List.of("connect", "disconnect"), eventNames("b"));
        assertEquals("server namespace disconnect", peer.awaitDisconnect(b, NodeProcess.WAIT).get("reason"));
    }

    @Test
    void serverSideEmitReachesTheServersNotTheClients() {
        connect("a", "/");
        emitter.serverSideEmit("ping-server", 1, "two", Map.of("bytes", new byte[] {1, (byte) 255}));
        emitter.of("/chat").serverSideEmit("chat-server", List.of(3));
        Map<String, Object> root = peer.awaitServerSideEvent("/", "ping-server");
        // JSON on the wire: the node adapter gets a byte[] as node's Buffer.toJSON shape, as from node's emitter
        assertEquals(List.of(1L, "two", Map.of("bytes", Map.of("type", "Buffer", "data", List.of(1L, 255L)))), root.get("args"));
        assertEquals(false, root.get("withAck"), "the emitter asks for no acknowledgement");
        assertEquals(List.of(List.of(3L)), peer.awaitServerSideEvent("/chat", "chat-server").get("args"));
        fence("/");
        assertEquals(List.of("connect", "fence-1"), eventNames("a"));
    }

    @Test
    void closeWaitsForEveryPublishUnderWay() throws Exception {
        connect("a", "/", "flush");
        int count = 300;
        List<CompletableFuture<Long>> published = new ArrayList<>();
        try (SocketIoEmitter own = SocketIoEmitter.create(redis.uri(), EmitterOptions.builder().key(KEY).build())) {
            for (int i = 0; i < count; i++) {
                published.add(own.to(room("flush")).emit("seq", i).toCompletableFuture());
            }
        } // close() returns once Redis confirmed them all
        for (CompletableFuture<Long> f : published) {
            assertTrue(f.isDone() && !f.isCompletedExceptionally(), "confirmed before close() returned");
            assertEquals(1L, f.get());
        }
        fence();
        List<List<Object>> got = received("a", "seq");
        assertEquals(count, got.size());
        for (int i = 0; i < count; i++) {
            assertEquals(List.of((long) i), got.get(i), "in emit order");
        }
    }

    @Test
    void theEmitterReconnectsToARestartedRedisByItself() throws Exception {
        try (RedisServer own = RedisServer.startNew();
                NodePeer ownPeer = NodePeer.start(own.uri(), "key=" + KEY);
                SocketIoEmitter ownEmitter = SocketIoEmitter.create(own.uri(), EmitterOptions.builder().key(KEY).build())) {
            String client = prefix + "a";
            clients.connect(client, ownPeer.url(), "/", Map.of("rooms", List.of(room("r"))));
            connected.add(client);
            assertEquals(1L, get(ownEmitter.to(room("r")).emit("before", 1)));
            assertEquals(List.of(1L), clients.await(client, "before"));

            own.stop();
            CompletableFuture<Long> whileDown = ownEmitter.to(room("r")).emit("while-down", 2).toCompletableFuture();
            assertTrue(!whileDown.isDone(), "kept until Redis is back, not failed");
            own.start();
            // published once the emitter is back; delivered only if the node resubscribed first (at most once)
            long receivers = whileDown.get(10, TimeUnit.SECONDS);
            ownPeer.awaitResubscribed(1, NodeProcess.WAIT);

            assertEquals(1L, get(ownEmitter.to(room("r")).emit("after", 3)));
            assertEquals(List.of(3L), clients.await(client, "after"));
            List<List<Object>> missed = clients.received(client, "while-down");
            assertTrue(missed.size() <= (receivers == 1 ? 1 : 0), "at most once: " + missed);
        }
    }

    // --- helpers ---

    /** Connects a client of this test to the node peer, in {@code nsp}, joined to these rooms of this test. */
    private String connect(String client, String nsp, String... rooms) {
        return connectWith(Map.of(), client, nsp, rooms);
    }

    private String connectWith(Map<String, ?> options, String client, String nsp, String... rooms) {
        String name = prefix + client;
        List<String> joined = Arrays.stream(rooms).map(this::room).toList();
        String sid = clients.connect(name, peer.url(), nsp, Map.of("rooms", joined), options);
        connected.add(name);
        namespaceOf.put(name, nsp);
        return sid;
    }

    private List<List<Object>> received(String client, String event) {
        return clients.received(prefix + client, event);
    }

    private List<String> eventNames(String client) {
        return clients.eventNames(prefix + client);
    }

    private List<Object> await(String client, String event) {
        return clients.await(prefix + client, event);
    }

    /** A room name of this test only. */
    private String room(String name) {
        return prefix + name;
    }

    /** Emits {@code fence-N} to every namespace this test's clients are in and waits for it at each connected one. */
    private void fence() {
        fence(namespaceOf.values().stream().distinct().toArray(String[]::new));
    }

    private void fence(String... namespaces) {
        String event = "fence-" + ++fences;
        for (String nsp : namespaces) emitter.of(nsp).emit(event);
        for (String client : connected) {
            boolean inFencedNamespace = Arrays.asList(namespaces).contains(namespaceOf.get(client));
            if (inFencedNamespace && !clients.eventNames(client).contains("disconnect")) clients.await(client, event);
        }
    }

    /** Exactly the named clients of this test got {@code event}, once each, with these arguments. */
    private void assertReceived(String event, List<Object> args, String... expectedClients) {
        List<String> expected = Arrays.stream(expectedClients).map(c -> prefix + c).toList();
        for (String client : connected) {
            List<List<Object>> got = clients.received(client, event);
            if (expected.contains(client)) {
                assertEquals(List.of(args), got, client + " gets '" + event + "' once, intact");
            } else {
                assertEquals(List.of(), got, client + " is not targeted by '" + event + "'");
            }
        }
    }

    private static long get(CompletionStage<Long> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
