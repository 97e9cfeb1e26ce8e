package dev.socketee.redis;

import dev.socketee.adapter.ClusterTimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.SocketDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter does, on one node or several: the scenarios run against the in-memory
 * adapter (one node), the Redis adapter with 2 and 3 nodes, and the sharded one. On every node
 * {@code i} there are sockets {@code a<i>} (rooms r1, r2), {@code b<i>} (r1) and {@code c<i>}
 * (none); node 0 acts. "Nothing else arrived" is checked after a {@link TestCluster#fence}.
 */
abstract class AdapterContractTest {

    static final String NSP = "/contract";
    TestCluster cluster;

    abstract TestCluster newCluster(String nsp);

    @BeforeEach
    void setUp() {
        cluster = newCluster(NSP);
        for (TestHost h : cluster.hosts) {
            int i = cluster.hosts.indexOf(h);
            h.connect("a" + i, Map.of("node", h.node(), "name", "a" + i), "r1", "r2");
            h.connect("b" + i, "r1");
            h.connect("c" + i);
        }
        cluster.settle();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    int n() {
        return cluster.size();
    }

    /** The ids {@code prefix<i>} for every node. */
    Set<String> everywhere(String... prefixes) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < n(); i++) {
            for (String p : prefixes) {
                out.add(p + i);
            }
        }
        return out;
    }

    /** Who got {@code event}, over all nodes, each socket as often as it got it. */
    List<String> receivers(String event) {
        List<String> out = new ArrayList<>();
        for (TestHost h : cluster.hosts) {
            h.writes(event).stream().map(TestHost.Write::socketId)
                    .filter(id -> !id.startsWith("fence")) // connected by fences, maybe before a slow message came
                    .forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }

    static TestPacket event(String name, Object... args) {
        List<Object> data = new ArrayList<>();
        data.add(name);
        data.addAll(List.of(args));
        return new TestPacket(2, NSP, data, null);
    }

    static BroadcastOptions to(Set<String> rooms, Set<String> except) {
        return new BroadcastOptions(rooms, except, BroadcastFlags.NONE);
    }

    static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // ---- broadcasts ----------------------------------------------------------------------------

    @Test
    void broadcastReachesEverySocketOnEveryNodeOnce() {
        cluster.adapter(0).broadcast(event("hello", "world", 42), BroadcastOptions.all());
        cluster.fence(0);
        assertEquals(sorted(everywhere("a", "b", "c")), receivers("hello"));
        for (TestHost h : cluster.hosts) {
            for (TestHost.Write w : h.writes("hello")) {
                assertEquals(List.of("hello", "world", 42), w.packet().data());
                assertEquals(2, w.packet().type());
            }
        }
    }

    @Test
    void roomsAreAUnionAndExceptRemoves() {
        cluster.adapter(0).broadcast(event("one-room"), to(Set.of("r2"), Set.of()));
        cluster.adapter(0).broadcast(event("two-rooms"), to(Set.of("r1", "r2"), Set.of()));
        cluster.adapter(0).broadcast(event("except"), to(Set.of("r1"), Set.of("r2")));
        cluster.adapter(0).broadcast(event("all-but-one"), to(Set.of(), Set.of("a0")));
        cluster.adapter(0).broadcast(event("nobody"), to(Set.of("no-such-room"), Set.of()));
        cluster.fence(0);
        assertEquals(sorted(everywhere("a")), receivers("one-room"));
        assertEquals(sorted(everywhere("a", "b")), receivers("two-rooms"));
        assertEquals(sorted(everywhere("b")), receivers("except"));
        Set<String> allButOne = everywhere("a", "b", "c");
        allButOne.remove("a0");
        assertEquals(sorted(allButOne), receivers("all-but-one"));
        assertEquals(List.of(), receivers("nobody"));
    }

    @Test
    void aSocketIdIsARoom() {
        String last = "c" + (n() - 1);
        cluster.adapter(0).broadcast(event("direct"), to(Set.of(last), Set.of()));
        cluster.fence(0);
        assertEquals(List.of(last), receivers("direct"));
    }

    @Test
    void localStaysOnThisNode() {
        BroadcastOptions local = new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.NONE.withLocal());
        cluster.adapter(0).broadcast(event("local"), local);
        cluster.fence(0);
        assertEquals(List.of("a0", "b0", "c0"), receivers("local"));
    }

    @Test
    void volatileTravelsWithTheBroadcast() {
        BroadcastOptions options = new BroadcastOptions(Set.of("r1"), Set.of(), BroadcastFlags.NONE.withVolatile());
        cluster.adapter(0).broadcast(event("volatile"), options);
        cluster.fence(0);
        assertEquals(sorted(everywhere("a", "b")), receivers("volatile"));
        for (TestHost h : cluster.hosts) {
            h.writes("volatile").forEach(w -> assertTrue(w.flags().volatile_(), "volatile on " + h.node()));
        }
    }

    @Test
    void binaryNestedInDataArrivesIntact() {
        byte[] top = {0, 1, 2, (byte) 0xff};
        byte[] deep = new byte[300]; // bin 16 on the wire
        for (int i = 0; i < deep.length; i++) {
            deep[i] = (byte) i;
        }
        Map<String, Object> nested = new java.util.LinkedHashMap<>();
        nested.put("file", top);
        nested.put("parts", List.of(deep, "text", 1.5));
        nested.put("none", null);
        cluster.adapter(0).broadcast(event("binary", top, nested), BroadcastOptions.all());
        cluster.fence(0);
        assertEquals(sorted(everywhere("a", "b", "c")), receivers("binary"));
        for (TestHost h : cluster.hosts) {
            for (TestHost.Write w : h.writes("binary")) {
                List<Object> data = w.packet().data();
                assertArrayEquals(top, (byte[]) data.get(1));
                Map<?, ?> m = (Map<?, ?>) data.get(2);
                assertArrayEquals(top, (byte[]) m.get("file"));
                List<?> parts = (List<?>) m.get("parts");
                assertArrayEquals(deep, (byte[]) parts.get(0));
                assertEquals("text", parts.get(1));
                assertEquals(1.5, ((Number) parts.get(2)).doubleValue());
                assertTrue(m.containsKey("none") && m.get("none") == null);
            }
        }
    }

    // ---- operations on sockets -----------------------------------------------------------------

    @Test
    void addSocketsAndDelSocketsReachEveryNode() {
        cluster.adapter(0).addSockets(to(Set.of("r1"), Set.of("r2")), Set.of("joined", "also"));
        cluster.fence(0);
        cluster.settle();
        for (int i = 0; i < n(); i++) {
            assertTrue(cluster.adapter(i).socketRooms("b" + i).containsAll(Set.of("joined", "also")), "b" + i);
            assertEquals(Set.of("r1", "r2", "a" + i), cluster.adapter(i).socketRooms("a" + i), "a" + i + " was excepted");
        }
        cluster.adapter(0).broadcast(event("to-joined"), to(Set.of("joined"), Set.of()));
        cluster.adapter(0).delSockets(to(Set.of(), Set.of()), Set.of("also"));
        cluster.fence(0);
        assertEquals(sorted(everywhere("b")), receivers("to-joined"));
        for (int i = 0; i < n(); i++) {
            assertEquals(Set.of("b" + i, "r1", "joined"), cluster.adapter(i).socketRooms("b" + i));
        }
    }

    @Test
    void disconnectSocketsReachesEveryNode() {
        cluster.adapter(0).disconnectSockets(to(Set.of("r2"), Set.of()), true);
        cluster.fence(0);
        for (int i = 0; i < n(); i++) {
            TestHost h = cluster.host(i);
            assertTrue(h.disconnects().contains(new TestHost.Disconnect("a" + i, true)), h.disconnects().toString());
            assertEquals(Set.of("b" + i, "c" + i), h.socketIds().stream().filter(id -> !id.startsWith("fence")).collect(Collectors.toSet()));
        }
    }

    @Test
    void fetchSocketsHasEveryNodesSocketsWithTheirDetails() throws Exception {
        List<SocketDetails> all = get(cluster.adapter(0).fetchSockets(to(Set.of("r1"), Set.of("b0"))));
        Set<String> expected = everywhere("a", "b");
        expected.remove("b0");
        assertEquals(sorted(expected), all.stream().map(SocketDetails::id).sorted().toList());
        for (SocketDetails s : all) {
            String i = s.id().substring(1);
            assertEquals(Map.of("node", "node" + i), s.handshake().get("auth"), s.id());
            assertEquals("127.0.0.1", s.handshake().get("address"));
            if (s.id().startsWith("a")) {
                assertEquals(Set.of(s.id(), "r1", "r2"), s.rooms());
                assertEquals(Map.of("node", "node" + i, "name", s.id()), s.data());
            } else {
                assertEquals(Set.of(s.id(), "r1"), s.rooms());
            }
        }
    }

    @Test
    void fetchSocketsLocalIsThisNodeOnly() throws Exception {
        BroadcastOptions local = new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.NONE.withLocal());
        List<SocketDetails> mine = get(cluster.adapter(0).fetchSockets(local));
        assertEquals(List.of("a0", "b0", "c0"), mine.stream().map(SocketDetails::id).sorted().toList());
    }

    // ---- acknowledgements ----------------------------------------------------------------------

    @Test
    void broadcastWithAckCountsClientsOnEveryNodeAndCollectsTheirAcks() throws Exception {
        AtomicInteger clients = new AtomicInteger();
        AtomicInteger nodes = new AtomicInteger();
        ConcurrentLinkedQueue<Object> acks = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> allAcked = new CompletableFuture<>();
        int expected = 2 * n();
        BroadcastOptions options = new BroadcastOptions(Set.of("r1"), Set.of(), BroadcastFlags.NONE.withTimeout(Duration.ofSeconds(5)));
        cluster.adapter(0).broadcastWithAck(event("ask", "q"), options, count -> {
            clients.addAndGet(count);
            nodes.incrementAndGet();
        }, ack -> {
            acks.add(ack);
            if (acks.size() == expected) {
                allAcked.complete(null);
            }
        });
        allAcked.get(5, TimeUnit.SECONDS);
        cluster.fence(0);
        assertEquals(n(), nodes.get(), "one client count per node");
        assertEquals(expected, clients.get());
        Set<String> expectedAcks = everywhere("a", "b").stream().map(id -> "ack:" + id).collect(Collectors.toSet());
        assertEquals(expectedAcks, new HashSet<>(acks));
        for (TestHost h : cluster.hosts) {
            for (TestHost.Write w : h.writes("ask")) {
                assertTrue(w.packet().ackId() != null, "the packet asks for an ack");
                assertEquals(List.of("ask", "q"), w.packet().data());
            }
        }
    }

    // ---- server-side emits ---------------------------------------------------------------------

    @Test
    void serverSideEmitReachesTheOtherNodesOnly() {
        cluster.adapter(0).serverSideEmit(List.of("tick", 1, Map.of("k", "v")));
        cluster.fence(0);
        assertEquals(List.of(), cluster.host(0).serverSideEmits());
        for (int i = 1; i < n(); i++) {
            cluster.host(i).await(h -> h.serverSideEmits().size() == 1, "the server-side emit");
            assertEquals(List.of(List.of("tick", 1, Map.of("k", "v"))), cluster.host(i).serverSideEmits());
        }
    }

    @Test
    void serverSideEmitWithAckHasOneReplyPerOtherNode() throws Exception {
        List<Object> replies = get(cluster.adapter(0).serverSideEmitWithAck(List.of("question", "?")));
        Set<Object> expected = new HashSet<>();
        for (int i = 1; i < n(); i++) {
            expected.add("reply:node" + i);
        }
        assertEquals(expected, new HashSet<>(replies));
        assertEquals(n() - 1, replies.size());
        for (int i = 1; i < n(); i++) {
            assertEquals(List.of(List.of("question", "?")), cluster.host(i).serverSideEmits());
        }
    }

    @Test
    void serverSideEmitWithAckTimesOutWithTheRepliesThatCame() throws Exception {
        if (n() < 2) {
            assertEquals(List.of(), get(cluster.adapter(0).serverSideEmitWithAck(List.of("q"))));
            return;
        }
        cluster.host(n() - 1).serverSideSilent();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> get(cluster.adapter(0).serverSideEmitWithAck(List.of("q"))));
        ClusterTimeoutException timeout = assertInstanceOf(ClusterTimeoutException.class, e.getCause());
        assertEquals("timeout reached: only " + (n() - 2) + " responses received out of " + (n() - 1), timeout.getMessage());
        assertEquals(n() - 2, timeout.partialResults().size());
    }

    @Test
    void serverCountIsTheNumberOfNodes() throws Exception {
        assertEquals(n(), get(cluster.adapter(0).serverCount()));
        assertEquals(n(), get(cluster.adapter(n() - 1).serverCount()));
    }
}
