package dev.socketee.tck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.servers.ServerUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * One cluster on a real redis-server: two Socketee nodes A and B (the cluster test WAR on
 * socketee-run.jar, {@code socketee.adapter=redis}) and one node.js node P (socket.io 4.8.1 with
 * {@code @socket.io/redis-adapter} 8.3.0), socket.io-client 4.8.1 clients on each. Every
 * operation started on one node must reach exactly the right clients on every node, in both
 * directions between Socketee and node.js. "Exactly": after the operation a fence event goes to
 * the whole namespace from the same node (the same Redis connection, so it arrives after it);
 * once every client has its fence, what it has not got it will not get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    private static final String NS = "/cluster";
    private static final Duration ACK = Duration.ofSeconds(10);

    private SocketeeNode a;
    private SocketeeNode b;
    private NodePeer p;
    private NodeClients clients;
    private RedisServer redis;
    private String key;

    /** The channel prefix of this class's cluster: other classes' nodes on the shared Redis never hear it. */
    protected String key() {
        return "cluster-it";
    }

    /** More system properties for the Socketee nodes (the sharded variant sets its adapter mode). */
    protected Map<String, String> socketeeOptions() {
        return Map.of();
    }

    /** More options for the node.js peer (see node-peer.mjs). */
    protected List<String> peerOptions() {
        return List.of("requestsTimeout=2000");
    }

    private final List<String> connected = new ArrayList<>();
    private final Map<String, String> sids = new LinkedHashMap<>();
    private final Map<String, String> urlOf = new LinkedHashMap<>();
    private String prefix;
    private int fences;

    @BeforeAll
    void cluster() throws Exception {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "Socketee nodes on the embedded default: embedded run only");
        redis = RedisServer.shared();
        key = key();
        a = SocketeeNode.start("A", redis.uri(), key, socketeeOptions());
        b = SocketeeNode.start("B", redis.uri(), key, socketeeOptions());
        List<String> options = new ArrayList<>(List.of("key=" + key, "namespaces=" + NS));
        options.addAll(peerOptions());
        p = NodePeer.start(redis.uri(), options.toArray(String[]::new));
        clients = NodeClients.start();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {clients, p, a, b}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + c + ": " + e);
            }
        }
    }

    @BeforeEach
    void names(TestInfo test) {
        prefix = test.getTestMethod().orElseThrow().getName() + "-";
    }

    @AfterEach
    void disconnectClients() {
        for (String client : connected) {
            if (!clients.eventNames(client).contains("disconnect")) {
                clients.disconnect(client);
            }
        }
    }

    // ---- broadcasts -----------------------------------------------------------------------------

    @Test
    void aBroadcastFromAnyNodeReachesTheClientsOfEveryNode() {
        connect("a", a.url(), "r1");
        connect("b", b.url());
        connect("p", p.url());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("k", "v");
        item.put("n", List.of(1L, 2.5, true));
        assertEquals("ok", op("a", "emit", "event", "news", "args", List.of(1L, item)));
        p.emit(NS, List.of(), List.of(), "from-node", "x");
        fence("a");
        fence("p");
        for (String c : List.of("a", "b", "p")) {
            assertEquals(List.of(List.of(1L, item)), received(c, "news"), c);
            assertEquals(List.of(List.of("x")), received(c, "from-node"), c);
        }
    }

    @Test
    void roomsAndExceptSelectTheSameClientsOnEveryNode() {
        connect("a", a.url(), "r1");
        connect("b", b.url(), "r1", "r2");
        connect("p", p.url(), "r1");
        connect("q", p.url(), "r2");
        connect("c", b.url());
        op("b", "emit", "to", rooms("r1"), "except", rooms("r2"), "event", "r1-not-r2");
        op("c", "emit", "to", rooms("r1", "r2"), "event", "r1-or-r2");
        p.emit(NS, rooms("r2"), List.of(), "node-r2");
        p.emit(NS, rooms("r1"), List.of(sids.get("a")), "node-r1-not-a");
        fence("b");
        fence("p");
        assertReceivedBy("r1-not-r2", "a", "p");
        assertReceivedBy("r1-or-r2", "a", "b", "p", "q");
        assertReceivedBy("node-r2", "b", "q");
        assertReceivedBy("node-r1-not-a", "b", "p");
    }

    @Test
    void localStaysOnTheNode() {
        connect("a", a.url());
        connect("a2", a.url());
        connect("b", b.url());
        connect("p", p.url());
        op("a", "emit", "local", true, "event", "only-a");
        fence("a");
        assertReceivedBy("only-a", "a", "a2");
    }

    @Test
    void binaryCrossesTheClusterIntactBothWays() {
        connect("a", a.url());
        connect("p", p.url());
        byte[] bytes = new byte[3000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", "blob");
        nested.put("data", bytes);
        p.emit(NS, List.of(), List.of(), "from-node-bin", nested, List.of(bytes));
        fence("p");
        List<List<Object>> got = received("a", "from-node-bin");
        assertEquals(1, got.size(), "a Socketee client gets the node's binary once: " + got);
        Map<?, ?> m = (Map<?, ?>) got.get(0).get(0);
        assertEquals("blob", m.get("name"));
        assertTrue(Arrays.equals(bytes, (byte[]) m.get("data")), "nested bytes intact");
        assertTrue(Arrays.equals(bytes, (byte[]) ((List<?>) got.get(0).get(1)).get(0)), "bytes in a list intact");

        // and back: a Socketee client's binary, broadcast by its node, reaches the node.js node's client
        op("a", "emit", "event", "from-socketee-bin", "args", List.of(nested));
        fence("a");
        List<List<Object>> back = received("p", "from-socketee-bin");
        assertEquals(1, back.size(), "a node client gets Socketee's binary once: " + back);
        assertTrue(Arrays.equals(bytes, (byte[]) ((Map<?, ?>) back.get(0).get(0)).get("data")), "nested bytes intact");
    }

    @Test
    void nodesRedisEmitterAndSocketeesEmitterReachSocketeeClients() throws Exception {
        connect("a", a.url(), "r1");
        connect("b", b.url(), "r1");
        connect("c", b.url());
        try (NodeProcess nodeEmitter = NodeProcess.start("cluster/node-emitter.mjs", List.of(redis.uri(), key), "READY")) {
            nodeEmitter.command(Map.of("op", "emit", "nsp", NS, "rooms", rooms("r1"), "event", "from-node-emitter", "args", List.of("n")));
        }
        try (dev.socketee.emitter.SocketIoEmitter emitter = dev.socketee.emitter.SocketIoEmitter.create(redis.uri(),
                dev.socketee.emitter.EmitterOptions.builder().key(key).build())) {
            emitter.of(NS).to(room("r1")).emit("from-java-emitter", "j").toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        fence("a");
        assertReceivedBy("from-node-emitter", "a", "b");
        assertReceivedBy("from-java-emitter", "a", "b");
        assertEquals(List.of(List.of("n")), received("b", "from-node-emitter"));
    }

    // ---- operations on sets of sockets ------------------------------------------------------------

    @Test
    void socketsJoinAndLeaveFromEitherKindOfNode() {
        connect("a", a.url(), "r1");
        connect("b", b.url());
        connect("p", p.url(), "r1");
        op("b", "socketsJoin", "to", rooms("r1"), "rooms", rooms("joined"));
        fence("b");
        p.emit(NS, rooms("joined"), List.of(), "to-joined");
        fence("p");
        assertReceivedBy("to-joined", "a", "p");
        p.command("socketsLeave", "nsp", NS, "rooms", rooms("joined"), "targets", rooms("joined"));
        fence("p");
        op("a", "emit", "to", rooms("joined"), "event", "after-leave");
        fence("a");
        assertReceivedBy("after-leave");
    }

    @Test
    void disconnectSocketsFromTheNodePeerDisconnectsSocketeeClients() {
        connect("a", a.url(), "r1");
        connect("b", b.url(), "r1");
        connect("c", b.url());
        p.command("disconnectSockets", "nsp", NS, "rooms", rooms("r1"), "close", false);
        assertEquals(List.of("io server disconnect"), clients.await(prefix + "a", "disconnect", ACK));
        assertEquals(List.of("io server disconnect"), clients.await(prefix + "b", "disconnect", ACK));
        fence("c");
        assertTrue(!clients.eventNames(prefix + "c").contains("disconnect"), "c is in no such room");
    }

    @Test
    void disconnectSocketsFromSocketeeDisconnectsNodeClients() {
        connect("a", a.url());
        connect("p", p.url(), "r1");
        connect("q", p.url());
        op("a", "disconnectSockets", "to", rooms("r1"), "close", true);
        assertEquals(List.of("io server disconnect"), clients.await(prefix + "p", "disconnect", ACK));
        fence("a");
        assertTrue(!clients.eventNames(prefix + "q").contains("disconnect"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fetchSocketsSeesEveryNodesSocketsWithRoomsAndData() {
        String sa = connect("a", a.url(), Map.of("user", "alice"), "r1");
        String sb = connect("b", b.url(), Map.of("user", "bob"), "r1");
        String sp = connect("p", p.url(), Map.of("user", "pat"), "r1");
        connect("q", p.url(), Map.of("user", "quinn"));
        Map<String, Object> fromSocketee = (Map<String, Object>) op("a", "fetchSockets", "to", rooms("r1"));
        assertTrue(fromSocketee.get("sockets") instanceof List, "fetched from Socketee: " + fromSocketee);
        Map<String, Map<String, Object>> byId = byId((List<Map<String, Object>>) fromSocketee.get("sockets"));
        assertEquals(Set.of(sa, sb, sp), byId.keySet(), "fetched from Socketee: " + fromSocketee);
        assertEquals(Map.of("user", "pat"), byId.get(sp).get("data"));
        assertEquals(new TreeSet<>(List.of(sp, room("r1"))), new TreeSet<>((List<String>) byId.get(sp).get("rooms")));
        List<Map<String, Object>> fromNode = (List<Map<String, Object>>) p.command("fetchSockets", "nsp", NS, "rooms", rooms("r1"));
        Map<String, Map<String, Object>> nodeById = byId(fromNode);
        assertEquals(Set.of(sa, sb, sp), nodeById.keySet(), "fetched from node: " + fromNode);
        assertEquals(Map.of("user", "bob"), nodeById.get(sb).get("data"), "Socketee's session data is node's socket.data");
        assertEquals(new TreeSet<>(List.of(sb, room("r1"))), new TreeSet<>((List<String>) nodeById.get(sb).get("rooms")));
        assertEquals(Map.of("user", "bob"), ((Map<String, Object>) nodeById.get(sb).get("auth")).get("data"), "handshake.auth");
    }

    // ---- acknowledgements and server-side events -----------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void emitWithAckCollectsOneReplyPerClientOnEveryNode() {
        connect("a", a.url(), "r1");
        connect("b", b.url(), "r1");
        connect("p", p.url(), "r1");
        Map<String, Object> res = (Map<String, Object>) op("b", "emitWithAck", "to", rooms("r1"), "event", "question",
                "args", List.of("q1"), "timeoutMs", 5000L);
        assertEquals(null, res.get("error"), res.toString());
        assertEquals(List.of("q1", "q1", "q1"), res.get("replies"), "each client acks with the event's first argument");
        Map<String, Object> fromNode = (Map<String, Object>) p.command("emitWithAck", "nsp", NS, "rooms", rooms("r1"),
                "event", "question", "args", List.of("q2"), "timeout", 5000L);
        assertEquals(null, fromNode.get("error"), fromNode.toString());
        assertEquals(List.of("q2", "q2", "q2"), fromNode.get("responses"), "node collects the Socketee clients' acks too");
    }

    @Test
    @SuppressWarnings("unchecked")
    void emitWithAckTimesOutWithThePartialReplies() {
        connect("a", a.url(), "r1");
        connectWith(Map.of("noAck", true), "silent", p.url(), Map.of(), "r1");
        Map<String, Object> res = (Map<String, Object>) op("a", "emitWithAck", "to", rooms("r1"), "event", "question",
                "args", List.of("q"), "timeoutMs", 1500L);
        assertTrue(String.valueOf(res.get("error")).startsWith("AckTimeoutException"), res.toString());
        assertEquals(List.of("q"), res.get("replies"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void serverSideEmitWithAckGetsOneReplyPerOtherNodeBothWays() {
        connect("a", a.url());
        connect("b", b.url());
        Map<String, Object> res = (Map<String, Object>) op("a", "serverSideEmitWithAck", "event", "ping-server", "args", List.of("hi"));
        assertEquals(null, res.get("error"), res.toString());
        List<Map<String, Object>> replies = (List<Map<String, Object>>) res.get("replies");
        assertEquals(2, replies.size(), "B and the node peer, not A itself: " + replies);
        assertTrue(replies.contains(Map.of("node", "B", "args", List.of("hi"))), replies.toString());
        assertTrue(replies.contains(Map.of("port", (long) p.port(), "args", List.of("hi"))), replies.toString());
        assertEquals(List.of(Map.of("event", "ping-server", "args", List.of("hi"), "node", "B")), clients.await(prefix + "b", "server-event"));

        Map<String, Object> fromNode = (Map<String, Object>) p.command("serverSideEmit", "nsp", NS, "event", "ping-server",
                "args", List.of("yo"), "ack", true);
        assertEquals(null, fromNode.get("error"), fromNode.toString());
        List<Object> nodeReplies = (List<Object>) fromNode.get("responses");
        assertEquals(2, nodeReplies.size(), nodeReplies.toString());
        assertTrue(nodeReplies.containsAll(List.of(Map.of("node", "A", "args", List.of("yo")), Map.of("node", "B", "args", List.of("yo")))),
                nodeReplies.toString());
    }

    @Test
    void serverCountCountsEveryNode() {
        connect("a", a.url());
        assertEquals(3L, ((Number) op("a", "serverCount")).longValue());
        assertEquals(3L, ((Number) p.command("serverCount", "nsp", NS)).longValue());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String connect(String client, String url, String... roomNames) {
        return connect(client, url, Map.of(), roomNames);
    }

    private String connect(String client, String url, Map<String, ?> data, String... roomNames) {
        return connectWith(Map.of(), client, url, data, roomNames);
    }

    private String connectWith(Map<String, ?> options, String client, String url, Map<String, ?> data, String... roomNames) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("rooms", rooms(roomNames));
        auth.put("data", data);
        String name = prefix + client;
        connected.add(name);
        urlOf.put(client, url);
        String sid = clients.connect(name, url, NS, auth, options);
        sids.put(client, sid);
        return sid;
    }

    /** Runs one cluster operation on the node of {@code client} (ClusterHandlers' "op" event); its result. */
    private Object op(String client, String op, Object... keysAndValues) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("op", op);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            req.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return clients.emit(prefix + client, "op", ACK, req);
    }

    private List<String> rooms(String... names) {
        return Arrays.stream(names).map(this::room).toList();
    }

    private String room(String name) {
        return prefix + name;
    }

    private List<List<Object>> received(String client, String event) {
        return clients.received(prefix + client, event);
    }

    /**
     * Emits {@code fence-N} from the node of {@code client} to the whole namespace and waits for it at
     * every client of this test that is still connected.
     */
    private void fence(String client) {
        String event = "fence-" + ++fences;
        if (urlOf.get(client).equals(p.url())) {
            p.emit(NS, List.of(), List.of(), event);
        } else {
            op(client, "emit", "event", event);
        }
        for (String c : connected) {
            if (!clients.eventNames(c).contains("disconnect")) {
                clients.await(c, event, ACK);
            }
        }
    }

    private void assertReceivedBy(String event, String... expected) {
        Set<String> want = Arrays.stream(expected).collect(Collectors.toCollection(TreeSet::new));
        Set<String> got = new TreeSet<>();
        for (String c : connected) {
            int n = clients.received(c, event).size();
            assertTrue(n <= 1, c + " got '" + event + "' " + n + " times");
            if (n == 1) {
                got.add(c.substring(prefix.length()));
            }
        }
        assertEquals(want, got, "who got '" + event + "'");
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> sockets) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        sockets.forEach(s -> out.put((String) s.get("id"), s));
        return out;
    }
}
