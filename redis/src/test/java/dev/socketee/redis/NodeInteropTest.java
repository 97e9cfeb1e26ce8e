package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.redis.wire.MsgpackDecoder;
import dev.socketee.redis.wire.MsgpackEncoder;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Socketee node (a RedisAdapter with a recording host) and a node.js socket.io 4.8 server with
 * @socket.io/redis-adapter 8.3 on one Redis, the classic protocol: each reaches the other's
 * sockets with every operation, and what each puts on the wire is byte for byte what the other
 * writes. Java sockets j1 (r1, shared), j2 (r2), j3; node clients n1 (r1, shared), n2 (r2), n3.
 */
class NodeInteropTest extends NodeInteropRig<RedisAdapter> {

    static final String NSP = "/chat";
    final String key = "interop" + System.nanoTime();

    NodeInteropTest() {
        super(NSP, List.of("n1", "n2", "n3"));
    }

    Map<String, String> peerEnv() {
        return Map.of("REQUESTS_TIMEOUT", "1500");
    }

    /** Whether both sides answer on the requester's own response channel. */
    boolean specific() {
        return false;
    }

    RedisAdapterOptions options() {
        return RedisAdapterOptions.defaults().withKey(key).withRequestsTimeout(Duration.ofMillis(1500));
    }

    @BeforeAll
    void start() throws Exception {
        NodePeer.assumeAvailable();
        redis = RedisServer.shared();
        wire = new RawSubscriber(redis.uri()).psubscribe(key + "*");
        startJavaNode(options());
        javaNode.connect("j1", Map.of("who", "j1"), "r1", "shared");
        javaNode.connect("j2", "r2");
        javaNode.connect("j3");
        node = new NodePeer(redis.uri(), key, NSP, peerEnv());
        nodeIds.put("n1", node.client("n1", List.of("r1", "shared"), Map.of("who", "n1")));
        nodeIds.put("n2", node.client("n2", List.of("r2"), Map.of()));
        nodeIds.put("n3", node.client("n3", List.of(), Map.of()));
        awaitServerCount(2);
    }

    /** Until node's subscriptions are in (it does not wait for them before 'ready'); bounded. */
    void awaitServerCount(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (adapter.serverCount().toCompletableFuture().get() != n) {
            assertTrue(System.nanoTime() < deadline, "the node peer never subscribed");
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }

    // ---- broadcasts ----------------------------------------------------------------------------

    @Test
    void nodeBroadcastsReachJavaSockets() throws Exception {
        node.call("emit", "event", "n-all", "args", List.of("x", Map.of("k", 1)));
        node.call("emit", "event", "n-room", "rooms", List.of("r1"));
        node.call("emit", "event", "n-except", "rooms", List.of("r1", "r2"), "except", List.of("shared"));
        node.call("emit", "event", "n-volatile", "rooms", List.of("r2"), "volatile", true);
        fenceFromNode();
        assertEquals(Set.of("j1", "j2", "j3"), javaReceivers("n-all"));
        assertEquals(List.of("n-all", "x", Map.of("k", 1)), javaNode.writes("n-all").get(0).packet().data());
        assertEquals(Set.of("j1"), javaReceivers("n-room"));
        assertEquals(Set.of("j2"), javaReceivers("n-except"));
        assertEquals(Set.of("j2"), javaReceivers("n-volatile"));
        assertTrue(javaNode.writes("n-volatile").get(0).flags().volatile_());
        assertEquals(1, javaNode.writes("n-room").size(), "once");
    }

    @Test
    void javaBroadcastsReachNodeClients() throws Exception {
        adapter.broadcast(event("j-all", "y", Map.of("k", 2), List.of(1, 2.5)), BroadcastOptions.all());
        adapter.broadcast(event("j-room"), BroadcastOptions.rooms(Set.of("r2")));
        adapter.broadcast(event("j-except"), new BroadcastOptions(Set.of("r1", "r2"), Set.of("shared"), BroadcastFlags.NONE));
        adapter.broadcast(event("j-socket"), BroadcastOptions.rooms(Set.of(nodeIds.get("n3"))));
        fenceToNode();
        assertEquals(Set.of("n1", "n2", "n3"), nodeReceivers("j-all"));
        assertEquals(List.of(List.of("y", Map.of("k", 2), List.of(1, 2.5))), node.got("n1", "j-all"));
        assertEquals(Set.of("n2"), nodeReceivers("j-room"));
        assertEquals(Set.of("n2"), nodeReceivers("j-except"));
        assertEquals(Set.of("n3"), nodeReceivers("j-socket"));
        assertEquals(Set.of("j1", "j2", "j3"), javaReceivers("j-all"), "and the local part");
    }

    @Test
    void binaryCrossesBothWays() throws Exception {
        byte[] a = {1, 2, 3, (byte) 0xfe};
        byte[] b = new byte[1000];
        new java.util.Random(1).nextBytes(b);
        adapter.broadcast(event("j-bin", a, Map.of("nested", List.of(b, "t"))), BroadcastOptions.rooms(Set.of("r1")));
        fenceToNode();
        List<Object> args = node.got("n1", "j-bin").get(0);
        assertArrayEquals(a, (byte[]) args.get(0));
        List<?> nested = (List<?>) ((Map<?, ?>) args.get(1)).get("nested");
        assertArrayEquals(b, (byte[]) nested.get(0));
        assertEquals("t", nested.get(1));

        node.call("emit", "event", "n-bin", "args", List.of(b, Map.of("deep", List.of(a))));
        fenceFromNode();
        List<Object> data = javaNode.writes("n-bin").get(0).packet().data();
        assertArrayEquals(b, (byte[]) data.get(1));
        assertArrayEquals(a, (byte[]) ((List<?>) ((Map<?, ?>) data.get(2)).get("deep")).get(0));
    }

    // ---- requests ------------------------------------------------------------------------------

    @Test
    void fetchSocketsSeesBothNodes() throws Exception {
        List<SocketDetails> fromJava = adapter.fetchSockets(BroadcastOptions.rooms(Set.of("r1"))).toCompletableFuture().get(5, TimeUnit.SECONDS);
        Map<String, SocketDetails> byId = fromJava.stream().collect(Collectors.toMap(SocketDetails::id, s -> s));
        assertEquals(Set.of("j1", nodeIds.get("n1")), byId.keySet());
        SocketDetails n1 = byId.get(nodeIds.get("n1"));
        assertEquals(Set.of(nodeIds.get("n1"), "r1", "shared"), n1.rooms());
        assertEquals(Map.of("who", "n1"), n1.data());
        assertEquals("n1", ((Map<?, ?>) n1.handshake().get("auth")).get("name"));
        assertTrue(n1.handshake().containsKey("headers") && n1.handshake().containsKey("issued"), n1.handshake().toString());

        Map<String, Object> fromNode = node.call("fetchSockets", "rooms", List.of("shared"));
        List<?> sockets = (List<?>) fromNode.get("result");
        Map<?, ?> j1 = sockets.stream().map(s -> (Map<?, ?>) s).filter(s -> "j1".equals(s.get("id"))).findFirst().orElseThrow();
        assertEquals(2, sockets.size(), fromNode.toString());
        assertEquals(Set.of("j1", "r1", "shared"), new HashSet<>((List<?>) j1.get("rooms")));
        assertEquals(Map.of("who", "j1"), j1.get("data"));
        assertEquals(Map.of("node", "node0"), ((Map<?, ?>) j1.get("handshake")).get("auth"));
    }

    @Test
    void serverSideEmitBothWaysWithAndWithoutAck() throws Exception {
        List<Object> replies = adapter.serverSideEmitWithAck(List.of("question", 1, Map.of("k", "v"))).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(List.of("node-reply:question"), replies);
        Map<String, Object> asked = node.await(e -> "server-side".equals(e.get("ev")) && "question".equals(e.get("event")), "question");
        assertEquals(List.of(1, Map.of("k", "v")), asked.get("args"));

        adapter.serverSideEmit(List.of("tick", 6));
        Map<String, Object> tick = node.await(e -> "server-side".equals(e.get("ev")) && "tick".equals(e.get("event")), "tick");
        assertEquals(List.of(6), tick.get("args"));
        assertEquals(false, tick.get("withAck"));

        javaNode.serverSideReply(Map.of("from", "java"));
        Map<String, Object> answer = node.call("serverSideEmit", "event", "sse", "args", List.of("hi"), "ack", true);
        assertEquals(List.of(Map.of("from", "java")), answer.get("result"), answer.toString());
        node.call("serverSideEmit", "event", "sse-plain", "args", List.of(7));
        javaNode.await(h -> h.serverSideEmits().contains(List.of("sse-plain", 7)), "sse-plain");
        assertTrue(javaNode.serverSideEmits().contains(List.of("sse", "hi")));
    }

    @Test
    void broadcastWithAckBothWays() throws Exception {
        AtomicInteger clients = new AtomicInteger();
        AtomicInteger counts = new AtomicInteger();
        ConcurrentLinkedQueue<Object> acks = new ConcurrentLinkedQueue<>();
        BroadcastOptions options = new BroadcastOptions(Set.of(), Set.of("j3"), BroadcastFlags.NONE.withTimeout(Duration.ofSeconds(3)));
        adapter.broadcastWithAck(event("j-ask", "q"), options, c -> {
            clients.addAndGet(c);
            counts.incrementAndGet();
        }, acks::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (acks.size() < 5 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        assertEquals(Set.of("ack:j1", "ack:j2", "ack:n1", "ack:n2", "ack:n3"), new HashSet<>(acks));
        assertEquals(2, counts.get(), "a client count from each node");
        assertEquals(5, clients.get());
        assertEquals(List.of(List.of("q")), node.got("n2", "j-ask"));

        Map<String, Object> answer = node.call("emitWithAck", "event", "n-ask", "args", List.of("p"), "timeout", 3000, "rooms", List.of("r1", "r2"));
        assertEquals(Set.of("ack:j1", "ack:j2", "ack:n1", "ack:n2"), new HashSet<>((List<?>) answer.get("result")), answer.toString());
        assertTrue(javaNode.writes("n-ask").stream().allMatch(w -> w.packet().ackId() != null));
    }

    @Test
    void socketsJoinLeaveAndDisconnectBothWays() throws Exception {
        adapter.addSockets(BroadcastOptions.rooms(Set.of("r2")), Set.of("joined-by-java"));
        fenceToNode();
        assertTrue(((List<?>) node.call("rooms", "name", "n2").get("result")).contains("joined-by-java"));
        assertTrue(adapter.socketRooms("j2").contains("joined-by-java"));
        adapter.delSockets(BroadcastOptions.all(), Set.of("joined-by-java"));
        fenceToNode();
        assertTrue(!((List<?>) node.call("rooms", "name", "n2").get("result")).contains("joined-by-java"));

        node.call("socketsJoin", "rooms", List.of("r1"), "join", "joined-by-node");
        fenceFromNode();
        assertTrue(adapter.socketRooms("j1").contains("joined-by-node"));
        node.call("socketsLeave", "rooms", List.of(), "leave", "joined-by-node");
        fenceFromNode();
        assertTrue(!adapter.socketRooms("j1").contains("joined-by-node"));

        javaNode.connect("j-doomed", "doomed");
        node.client("n-doomed", List.of("doomed"), Map.of());
        adapter.disconnectSockets(BroadcastOptions.rooms(Set.of("doomed")), true);
        node.await(e -> "client-disconnect".equals(e.get("ev")) && "n-doomed".equals(e.get("client")), "n-doomed disconnected");
        assertTrue(javaNode.disconnects().contains(new TestHost.Disconnect("j-doomed", true)));

        javaNode.connect("j-doomed2", "doomed2");
        node.call("disconnectSockets", "rooms", List.of("doomed2"), "close", false);
        javaNode.await(h -> h.disconnects().contains(new TestHost.Disconnect("j-doomed2", false)), "j-doomed2 disconnected");
    }

    @Test
    void serverCountAndTheOlderRequests() throws Exception {
        assertEquals(2, adapter.serverCount().toCompletableFuture().get());
        assertEquals(2, node.call("serverCount").get("result"));
        Set<String> rooms = adapter.allRooms().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(rooms.containsAll(Set.of("r1", "r2", "shared", "j1", nodeIds.get("n1"))), rooms.toString());
        Set<String> inR2 = adapter.allSockets(Set.of("r2")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(Set.of("j2", nodeIds.get("n2")), inR2);
        adapter.remoteJoin(nodeIds.get("n3"), "legacy").toCompletableFuture().get(5, TimeUnit.SECONDS); // node answers it
        assertTrue(((List<?>) node.call("rooms", "name", "n3").get("result")).contains("legacy"));
        adapter.remoteLeave(nodeIds.get("n3"), "legacy").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(!((List<?>) node.call("rooms", "name", "n3").get("result")).contains("legacy"));
    }

    // ---- the bytes -----------------------------------------------------------------------------

    @Test
    void aBroadcastIsTheBytesNotepackWrites() throws Exception {
        adapter.broadcast(event("layout", 1), BroadcastOptions.rooms(Set.of("r1")));
        RawSubscriber.Message javaMessage = wire.await(m -> m.channel().equals(key + "#" + NSP + "#r1#")
                && new String(m.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("layout"), "Java's layout broadcast");
        HexFormat hex = HexFormat.of();
        String expected = "93" + "a6" + hex.formatHex(adapter.uid().getBytes())                 // [uid,
                + "83" + "a4" + hex.formatHex("type".getBytes()) + "02"                          //  {type: 2,
                + "a4" + hex.formatHex("data".getBytes()) + "92" + "a6" + hex.formatHex("layout".getBytes()) + "01" // data: ["layout", 1],
                + "a3" + hex.formatHex("nsp".getBytes()) + "a5" + hex.formatHex(NSP.getBytes())  //  nsp: "/chat"},
                + "83" + "a5" + hex.formatHex("rooms".getBytes()) + "91" + "a2" + hex.formatHex("r1".getBytes()) // {rooms: ["r1"],
                + "a6" + hex.formatHex("except".getBytes()) + "90"                               //  except: [],
                + "a5" + hex.formatHex("flags".getBytes()) + "80";                               //  flags: {}}]
        assertEquals(expected, hex.formatHex(javaMessage.bytes()));
        assertEquals(hex.formatHex(javaMessage.bytes()), node.call("notepack", "hex", hex.formatHex(javaMessage.bytes())).get("result"));

        // node's own broadcast, with values of every kind, re-encoded here gives the same bytes
        node.call("emit", "event", "layout-node", "rooms", List.of("r2"), "volatile", true,
                "args", List.of("é€😀", 300, 70000, 5_000_000_000L, -1, -200, -40000, 1.5, true, Map.of("a", List.of()),
                        "x".repeat(40), "y".repeat(300), new byte[] {9}));
        RawSubscriber.Message nodeMessage = wire.await(m -> m.channel().equals(key + "#" + NSP + "#r2#")
                && new String(m.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("layout-node"), "node's broadcast");
        assertEquals(hex.formatHex(nodeMessage.bytes()), hex.formatHex(MsgpackEncoder.encode(MsgpackDecoder.decode(nodeMessage.bytes()))));
        List<?> decoded = (List<?>) MsgpackDecoder.decode(nodeMessage.bytes());
        assertEquals(node.uid, decoded.get(0));
        assertEquals(Map.of("rooms", List.of("r2"), "except", List.of(), "flags", Map.of("volatile", true)), decoded.get(2));
    }

    @Test
    void requestsAreTheTextNodeWrites() throws Exception {
        node.call("fetchSockets", "rooms", List.of("r2"), "except", List.of("r1"));
        adapter.fetchSockets(new BroadcastOptions(Set.of("r2"), Set.of("r1"), BroadcastFlags.NONE)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        String requestChannel = key + "-request#" + NSP + "#";
        String fromNode = wire.await(m -> m.channel().equals(requestChannel) && m.text().contains(node.uid) && m.text().contains("\"except\":[\"r1\"]"), "node's fetch").text();
        String fromJava = wire.await(m -> m.channel().equals(requestChannel) && m.text().contains(adapter.uid()) && m.text().contains("\"except\":[\"r1\"]"), "Java's fetch").text();
        assertEquals(normalize(fromNode), normalize(fromJava));
        assertEquals("{\"uid\":\"U\",\"requestId\":\"R\",\"type\":5,\"opts\":{\"rooms\":[\"r2\"],\"except\":[\"r1\"]}}", normalize(fromJava));

        String responseChannel = key + "-response#" + NSP + "#";
        RawSubscriber.Message javaAnswer = wire.await(m -> m.channel().startsWith(responseChannel) && m.text().contains("\"id\":\"j2\""), "Java's answer");
        assertEquals(specific() ? responseChannel + node.uid + "#" : responseChannel, javaAnswer.channel());
        assertTrue(normalize(javaAnswer.text()).startsWith("{\"requestId\":\"R\",\"sockets\":[{\"id\":\"j2\",\"handshake\":{"), javaAnswer.text());
        // JSON.parse + JSON.stringify in node gives back exactly what Java wrote
        assertEquals(javaAnswer.text(), node.call("json", "text", javaAnswer.text()).get("result"));
    }

    private String normalize(String json) {
        return json.replace(node.uid, "U").replace(adapter.uid(), "U").replaceAll("\"requestId\":\"[A-Za-z0-9_-]{6}\"", "\"requestId\":\"R\"");
    }
}
