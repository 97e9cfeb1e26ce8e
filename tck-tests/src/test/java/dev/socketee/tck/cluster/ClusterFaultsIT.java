package dev.socketee.tck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.servers.ServerUnderTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socketee nodes when Redis goes away, on a Redis of this class's own: a restart mid-run (the nodes
 * reconnect and resubscribe by themselves; nothing is delivered twice), and Redis down when the
 * nodes start (each serves its own clients, logs one warning, and joins the cluster once Redis is up).
 */
class ClusterFaultsIT {

    private static final String NS = "/cluster";
    private static final Duration ACK = Duration.ofSeconds(10);
    /** How long a node may take to be back in the cluster after Redis is (Lettuce reconnects with a backoff). */
    private static final Duration REJOIN = Duration.ofSeconds(30);

    @BeforeEach
    void embeddedOnly() {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "Socketee nodes on the embedded default: embedded run only");
    }

    @Test
    void aRedisRestartMidRunIsSurvivedWithoutDuplicates() throws Exception {
        try (RedisServer redis = RedisServer.startNew();
             SocketeeNode a = SocketeeNode.start("A", redis.uri(), "faults-restart", Map.of());
             SocketeeNode b = SocketeeNode.start("B", redis.uri(), "faults-restart", Map.of());
             NodeClients clients = NodeClients.start()) {
            clients.connect("a", a.url(), NS, Map.of());
            clients.connect("b", b.url(), NS, Map.of());
            op(clients, "a", "emit", "event", "before");
            assertEquals(List.of(), clients.await("b", "before", ACK));

            redis.restart();
            int probes = awaitCrossNode(clients, "a", "b");
            op(clients, "a", "emit", "event", "after", "args", List.of(1));
            op(clients, "a", "emit", "event", "fence");
            clients.await("b", "fence", ACK);
            assertEquals(List.of(List.of(1L)), clients.received("b", "after"), "once, after " + probes + " probe(s)");
            for (int i = 1; i <= probes; i++) {
                assertTrue(clients.received("b", "probe-" + i).size() <= 1, "probe-" + i + " twice");
            }
            assertEquals(List.of(), clients.eventNames("a").stream().filter("disconnect"::equals).toList(), "clients stay connected");
        }
    }

    @Test
    void nodesStartedWhileRedisIsDownServeLocallyThenJoinTheCluster() throws Exception {
        try (RedisServer redis = RedisServer.startNew()) {
            redis.stop();
            try (SocketeeNode a = SocketeeNode.start("A", redis.uri(), "faults-down", Map.of());
                 SocketeeNode b = SocketeeNode.start("B", redis.uri(), "faults-down", Map.of());
                 NodeClients clients = NodeClients.start()) {
                clients.connect("a", a.url(), NS, Map.of());
                clients.connect("a2", a.url(), NS, Map.of());
                clients.connect("b", b.url(), NS, Map.of());
                op(clients, "a", "emit", "event", "local-only");
                assertEquals(List.of(), clients.await("a2", "local-only", ACK), "a node without Redis serves its own clients");
                assertTrue(a.logText().contains("WARNING"), "one clear warning: " + a.logText());

                redis.start();
                awaitCrossNode(clients, "a", "b");
                assertEquals(List.of(), clients.received("b", "local-only"), "at-most-once: nothing replayed from the outage");
            }
        }
    }

    /** Emits {@code probe-N} from {@code from}'s node until {@code to} gets one (bounded by REJOIN); how many were sent. */
    private static int awaitCrossNode(NodeClients clients, String from, String to) {
        long deadline = System.nanoTime() + REJOIN.toNanos();
        for (int i = 1; ; i++) {
            op(clients, from, "emit", "event", "probe-" + i);
            try {
                clients.await(to, "probe-" + i, Duration.ofMillis(500));
                return i;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no cross-node delivery within " + REJOIN + " after Redis came back", notYet);
                }
            }
        }
    }

    private static Object op(NodeClients clients, String client, String op, Object... keysAndValues) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("op", op);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            req.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return clients.emit(client, "op", ACK, req);
    }
}
