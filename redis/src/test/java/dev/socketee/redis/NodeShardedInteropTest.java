package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.SocketDetails;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * A Socketee node (ShardedRedisAdapter) and a node.js server with {@code createShardedAdapter}
 * (dynamic subscription mode) on one Redis 7: ClusterAdapter messages over SSUBSCRIBE/SPUBLISH,
 * each way. Java sockets j1 (r1), j2 (r2) and one with a Socketee-shaped 22-character id in r2;
 * node clients n1 (r1), n2 (r2).
 */
class NodeShardedInteropTest extends NodeInteropRig<ShardedRedisAdapter> {

    static final String NSP = "/sharded";
    static final String LONG_ID = "AbCdEfGhIjKlMnOpQrStUv"; // 22 characters, as Socketee's socket ids
    final String key = "sharded" + System.nanoTime();
    final String channel = key + "#" + NSP + "#";

    NodeShardedInteropTest() {
        super(NSP, List.of("n1", "n2"));
    }

    @BeforeAll
    void start() throws Exception {
        NodePeer.assumeAvailable();
        redis = RedisServer.shared();
        RedisAdapterOptions options = RedisAdapterOptions.defaults().withKey(key).withSharded(true).withRequestsTimeout(Duration.ofMillis(1500));
        startJavaNode(options);
        javaNode.connect("j1", Map.of("who", "j1"), "r1");
        javaNode.connect("j2", "r2");
        javaNode.connect(LONG_ID, "r2");
        node = new NodePeer(redis.uri(), key, NSP, Map.of("SHARDED", "1"));
        nodeIds.put("n1", node.client("n1", List.of("r1"), Map.of("who", "n1")));
        nodeIds.put("n2", node.client("n2", List.of("r2"), Map.of()));
        factory.settled().toCompletableFuture().get(5, TimeUnit.SECONDS);
        wire = new RawSubscriber(redis.uri()).ssubscribe(channel + "r1#").ssubscribe(channel + "r2#")
                .ssubscribe(channel + adapter.uid() + "#").ssubscribe(channel + node.uid + "#");
        awaitSubscribers(channel, 2); // the recorder stays off it: SHARDNUMSUB counts the nodes
        awaitSubscribers(channel + "r1#", 3);
        awaitSubscribers(channel + "r2#", 3);
    }

    /** Until node's SSUBSCRIBEs are in (it does not wait for them); bounded. */
    void awaitSubscribers(String shardChannel, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!String.valueOf(n).equals(redis.command("PUBSUB", "SHARDNUMSUB", shardChannel).get(1))) {
            assertTrue(System.nanoTime() < deadline, "never " + n + " subscribers on " + shardChannel);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }

    @Test
    void broadcastsBothWaysIncludingRoomChannelsAndSocketIds() throws Exception {
        node.call("emit", "event", "n-all", "args", List.of(1));
        node.call("emit", "event", "n-r2", "rooms", List.of("r2"));
        node.call("emit", "event", "n-except", "rooms", List.of("r1", "r2"), "except", List.of("r1"));
        node.call("emit", "event", "n-to-long-id", "rooms", List.of(LONG_ID)); // node puts it on the id's own channel
        fenceFromNode();
        assertEquals(Set.of("j1", "j2", LONG_ID), javaReceivers("n-all"));
        assertEquals(Set.of("j2", LONG_ID), javaReceivers("n-r2"));
        assertEquals(Set.of("j2", LONG_ID), javaReceivers("n-except"));
        assertEquals(Set.of(LONG_ID), javaReceivers("n-to-long-id"));
        assertEquals(1, javaNode.writes("n-r2").stream().filter(w -> w.socketId().equals("j2")).count(), "once");

        adapter.broadcast(event("j-all", "x"), BroadcastOptions.all());
        adapter.broadcast(event("j-r1"), BroadcastOptions.rooms(Set.of("r1")));
        adapter.broadcast(event("j-to-node-id"), BroadcastOptions.rooms(Set.of(nodeIds.get("n2"))));
        adapter.broadcast(event("j-volatile"), new BroadcastOptions(Set.of("r2"), Set.of(), BroadcastFlags.NONE.withVolatile()));
        fenceToNode();
        assertEquals(Set.of("n1", "n2"), nodeReceivers("j-all"));
        assertEquals(Set.of("n1"), nodeReceivers("j-r1"));
        assertEquals(Set.of("n2"), nodeReceivers("j-to-node-id"));
        // node drops a volatile packet when the client's transport is busy (it is, right after the others): the wire says it
        assertTrue(wire.messages().stream().anyMatch(m -> m.channel().equals(channel + "r2#") && m.text().contains("j-volatile")
                && m.text().contains("\"flags\":{\"volatile\":true}")), "volatile on r2's channel");
        assertTrue(wire.messages().stream().anyMatch(m -> m.channel().equals(channel + "r1#") && m.text().contains("j-r1")), "r1's own channel");
    }

    @Test
    void binaryTravelsAsMsgpackAndTextAsJson() throws Exception {
        byte[] a = {7, 8, 9};
        adapter.broadcast(event("j-bin", Map.of("file", a)), BroadcastOptions.rooms(Set.of("r1")));
        fenceToNode();
        assertArrayEquals(a, (byte[]) ((Map<?, ?>) node.got("n1", "j-bin").get(0).get(0)).get("file"));
        RawSubscriber.Message binary = wire.await(m -> new String(m.bytes(), StandardCharsets.ISO_8859_1).contains("j-bin"), "j-bin");
        assertTrue(binary.bytes()[0] != '{', "msgpack when the data holds binary");
        assertEquals(binary.channel(), channel + "r1#");
        assertEquals(java.util.HexFormat.of().formatHex(binary.bytes()),
                node.call("notepack", "hex", java.util.HexFormat.of().formatHex(binary.bytes())).get("result"));

        node.call("emit", "event", "n-bin", "args", List.of(List.of(a)));
        fenceFromNode();
        assertArrayEquals(a, (byte[]) ((List<?>) javaNode.writes("n-bin").get(0).packet().data().get(1)).get(0));

        adapter.broadcast(event("j-text", 1, "two"), BroadcastOptions.rooms(Set.of("r1")));
        node.call("emit", "event", "n-text", "args", List.of(1, "two"), "rooms", List.of("r1"));
        String fromJava = wire.await(m -> m.text().contains("\"j-text\""), "j-text").text();
        String fromNode = wire.await(m -> m.text().contains("\"n-text\""), "n-text").text();
        assertEquals("{\"type\":3,\"data\":{\"packet\":{\"type\":2,\"data\":[\"j-text\",1,\"two\"]},\"opts\":{\"rooms\":[\"r1\"],\"except\":[],\"flags\":{}}},\"uid\":\"" + adapter.uid() + "\",\"nsp\":\"" + NSP + "\"}", fromJava);
        assertEquals(fromJava.replace(adapter.uid(), node.uid).replace("j-text", "n-text"), fromNode);
    }

    @Test
    void fetchSocketsBothWays() throws Exception {
        List<SocketDetails> fromJava = adapter.fetchSockets(BroadcastOptions.rooms(Set.of("r1"))).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(Set.of("j1", nodeIds.get("n1")), fromJava.stream().map(SocketDetails::id).collect(Collectors.toSet()));
        SocketDetails n1 = fromJava.stream().filter(s -> s.id().equals(nodeIds.get("n1"))).findFirst().orElseThrow();
        assertEquals(Map.of("who", "n1"), n1.data());
        List<?> fromNode = (List<?>) node.call("fetchSockets", "rooms", List.of("r2")).get("result");
        assertEquals(Set.of("j2", LONG_ID, nodeIds.get("n2")), fromNode.stream().map(s -> ((Map<?, ?>) s).get("id")).collect(Collectors.toSet()));
    }

    @Test
    void serverSideEmitWithAckBothWays() throws Exception {
        assertEquals(List.of("node-reply:question"),
                adapter.serverSideEmitWithAck(List.of("question", 2)).toCompletableFuture().get(5, TimeUnit.SECONDS));
        javaNode.serverSideReply("java-answer");
        Map<String, Object> answer = node.call("serverSideEmit", "event", "sse", "args", List.of("hi"), "ack", true);
        assertEquals(List.of("java-answer"), answer.get("result"), answer.toString());
        adapter.serverSideEmit(List.of("tick", 3));
        assertEquals(List.of(3), node.await(e -> "server-side".equals(e.get("ev")) && "tick".equals(e.get("event")), "tick").get("args"));
    }

    @Test
    void broadcastWithAckBothWays() throws Exception {
        AtomicInteger clients = new AtomicInteger();
        ConcurrentLinkedQueue<Object> acks = new ConcurrentLinkedQueue<>();
        adapter.broadcastWithAck(event("j-ask"), new BroadcastOptions(Set.of("r2"), Set.of(), BroadcastFlags.NONE.withTimeout(Duration.ofSeconds(3))),
                clients::addAndGet, acks::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (acks.size() < 3 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        assertEquals(Set.of("ack:j2", "ack:" + LONG_ID, "ack:n2"), new HashSet<>(acks));
        assertEquals(3, clients.get());
        Map<String, Object> answer = node.call("emitWithAck", "event", "n-ask", "timeout", 3000, "rooms", List.of("r1"));
        assertEquals(Set.of("ack:j1", "ack:n1"), new HashSet<>((List<?>) answer.get("result")), answer.toString());
    }

    @Test
    void socketsJoinAndDisconnectBothWays() throws Exception {
        adapter.addSockets(BroadcastOptions.rooms(Set.of("r1")), Set.of("by-java"));
        fenceToNode();
        assertTrue(((List<?>) node.call("rooms", "name", "n1").get("result")).contains("by-java"));
        node.call("socketsJoin", "rooms", List.of("r2"), "join", "by-node");
        fenceFromNode();
        assertTrue(adapter.socketRooms("j2").contains("by-node"));
        javaNode.connect("j-doomed", "doomed");
        node.client("n-doomed", List.of("doomed"), Map.of());
        node.call("disconnectSockets", "rooms", List.of("doomed"), "close", true);
        javaNode.await(h -> h.disconnects().contains(new TestHost.Disconnect("j-doomed", true)), "j-doomed");
        node.await(e -> "client-disconnect".equals(e.get("ev")) && "n-doomed".equals(e.get("client")), "n-doomed");
    }

    @Test
    void serverCountIsShardNumsub() throws Exception {
        assertEquals(2, adapter.serverCount().toCompletableFuture().get());
        assertEquals(2, node.call("serverCount").get("result"));
    }
}
