package dev.socketee.redis;

import dev.socketee.adapter.ClusterTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.tck.support.LogCapture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redis going away and coming back, a node that vanished, and garbage on the channels; for the
 * classic and the sharded adapter alike.
 */
class RedisFaultsTest {

    static RedisAdapterOptions options(boolean sharded) {
        return RedisTestSupport.options().withSharded(sharded);
    }

    static TestPacket event(String name) {
        return new TestPacket(2, "/f", List.of(name), null);
    }

    /** Until both nodes have (re)subscribed, seen from Redis, and can publish; then their subscriptions have settled. */
    static void awaitSubscribed(RedisServer redis, TestCluster cluster, RedisAdapterOptions options, String nsp) throws Exception {
        String[] probe = options.sharded()
                ? new String[] {"PUBSUB", "SHARDNUMSUB", options.key() + "#" + nsp + "#"}
                : new String[] {"PUBSUB", "NUMSUB", options.key() + "-request#" + nsp + "#"};
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!String.valueOf(cluster.size()).equals(reply(redis, probe))
                || !cluster.factories.stream().allMatch(f -> ((RedisAdapterFactory) f).isConnected())) {
            assertTrue(System.nanoTime() < deadline, "the nodes never subscribed again");
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        cluster.settle();
    }

    private static String reply(RedisServer redis, String... command) {
        try {
            return redis.command(command).get(1);
        } catch (Exception e) {
            return "down";
        }
    }

    @ParameterizedTest(name = "sharded={0}")
    @ValueSource(booleans = {false, true})
    void aRedisRestartMidRunIsSurvivedAndNothingArrivesTwice(boolean sharded) throws Exception {
        RedisAdapterOptions options = options(sharded);
        try (RedisServer redis = RedisServer.start(); TestCluster cluster = TestCluster.redis(redis.uri(), options, "/f", 2);
                LogCapture log = LogCapture.of(RedisBus.class).atLevel(Level.FINE)) {
            cluster.host(0).connect("x0", "room");
            cluster.host(1).connect("x1", "room");
            cluster.settle();
            cluster.adapter(0).broadcast(event("before"), BroadcastOptions.rooms(Set.of("room")));
            cluster.fence(0);
            assertEquals(1, cluster.host(1).writes("before").size());

            redis.stopProcess();
            log.await(Level.WARNING, "lost the connection to Redis", Duration.ofSeconds(5));
            cluster.adapter(0).broadcast(event("during"), BroadcastOptions.all()); // local only: dropped for the others
            assertEquals(1, cluster.host(0).writes("during").size());
            assertEquals(1, cluster.adapter(0).serverCount().toCompletableFuture().get(5, TimeUnit.SECONDS));
            cluster.host(1).connect("y1", "new-room"); // a room channel asked for while Redis is away (sharded)

            redis.startProcess(); // same port
            awaitSubscribed(redis, cluster, options, "/f");
            cluster.adapter(0).broadcast(event("after"), BroadcastOptions.rooms(Set.of("room")));
            cluster.adapter(0).broadcast(event("after-new-room"), BroadcastOptions.rooms(Set.of("new-room")));
            cluster.adapter(1).broadcast(event("back"), BroadcastOptions.rooms(Set.of("room")));
            cluster.fence(0);
            cluster.fence(1);
            assertEquals(List.of("x1"), cluster.host(1).writes("after").stream().map(TestHost.Write::socketId).toList(), "once");
            assertEquals(List.of("y1"), cluster.host(1).writes("after-new-room").stream().map(TestHost.Write::socketId).toList());
            assertEquals(List.of("x0"), cluster.host(0).writes("back").stream().map(TestHost.Write::socketId).toList());
            assertEquals(List.of(), cluster.host(1).writes("during"), "at-most-once: what was sent while Redis was away is gone");
            log.await(Level.INFO, "reconnected to Redis", Duration.ofSeconds(5));
            assertEquals(2, log.messages(Level.WARNING).stream().filter(m -> m.contains("lost the connection")).count(), "once per node");
        }
    }

    @ParameterizedTest(name = "sharded={0}")
    @ValueSource(booleans = {false, true})
    void namespacesClosedOrOpenedWhileRedisIsAwayAreSubscribedAsTheyAreNow(boolean sharded) throws Exception {
        RedisAdapterOptions options = options(sharded);
        try (RedisServer redis = RedisServer.start();
                RedisAdapterFactory f0 = new RedisAdapterFactory(RedisURI.create(redis.uri()), options, TestCluster.RESOURCES);
                RedisAdapterFactory f1 = new RedisAdapterFactory(RedisURI.create(redis.uri()), options, TestCluster.RESOURCES)) {
            f0.connected().toCompletableFuture().get(5, TimeUnit.SECONDS);
            f1.connected().toCompletableFuture().get(5, TimeUnit.SECONDS);
            TestHost gone0 = host(f0, "/gone", "n0");
            TestHost gone1 = host(f1, "/gone", "n1");
            TestHost new0 = host(f0, "/new", "n0");
            f0.settled().toCompletableFuture().get();
            f1.settled().toCompletableFuture().get();
            assertEquals("2", reply(redis, countOf(options, "/gone")));

            redis.stopProcess();
            while (f1.isConnected()) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            gone1.adapter.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
            TestHost new1 = host(f1, "/new", "n1");
            new1.connect("s1");

            redis.startProcess();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!"2".equals(reply(redis, countOf(options, "/new"))) || !"1".equals(reply(redis, countOf(options, "/gone")))
                    || !f0.isConnected() || !f1.isConnected()) {
                assertTrue(System.nanoTime() < deadline, "/new " + reply(redis, countOf(options, "/new")) + ", /gone " + reply(redis, countOf(options, "/gone")));
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            f0.settled().toCompletableFuture().get();
            f1.settled().toCompletableFuture().get();
            new0.adapter.broadcast(new TestPacket(2, "/new", List.of("hello-new"), null), BroadcastOptions.all());
            new1.await(h -> h.writes("hello-new").size() == 1, "hello-new");
            assertEquals(2, new0.adapter.serverCount().toCompletableFuture().get());
            assertEquals(1, gone0.adapter.serverCount().toCompletableFuture().get());
        }
    }

    private static TestHost host(RedisAdapterFactory factory, String nsp, String node) throws Exception {
        TestHost host = new TestHost(nsp, node);
        host.adapter = factory.create(host);
        host.adapter.init().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return host;
    }

    private static String[] countOf(RedisAdapterOptions options, String nsp) {
        return options.sharded()
                ? new String[] {"PUBSUB", "SHARDNUMSUB", options.key() + "#" + nsp + "#"}
                : new String[] {"PUBSUB", "NUMSUB", options.key() + "-request#" + nsp + "#"};
    }

    @ParameterizedTest(name = "sharded={0}")
    @ValueSource(booleans = {false, true})
    void redisDownAtStartUpMeansOneWarningLocalServiceAndJoiningLater(boolean sharded) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RedisAdapterOptions options = options(sharded);
        String uri = "redis://127.0.0.1:" + port;
        try (LogCapture log = LogCapture.of(RedisBus.class).atLevel(Level.FINE);
                RedisAdapterFactory f0 = new RedisAdapterFactory(RedisURI.create(uri), options, TestCluster.RESOURCES)) {
            TestHost h0 = host(f0, "/f", "n0"); // init does not wait for Redis
            h0.connect("a0", "room");
            h0.adapter.broadcast(event("local-meanwhile"), BroadcastOptions.rooms(Set.of("room")));
            assertEquals(1, h0.writes("local-meanwhile").size());
            List<SocketDetails> sockets = h0.adapter.fetchSockets(BroadcastOptions.all()).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(List.of("a0"), sockets.stream().map(SocketDetails::id).toList());
            assertEquals(List.of(), h0.adapter.serverSideEmitWithAck(List.of("q")).toCompletableFuture().get(5, TimeUnit.SECONDS));
            assertEquals(1, h0.adapter.serverCount().toCompletableFuture().get(5, TimeUnit.SECONDS));
            log.await(Level.WARNING, "cannot reach Redis at redis://127.0.0.1:" + port, Duration.ofSeconds(5));

            try (RedisServer redis = RedisServer.startOn(port)) {
                f0.connected().toCompletableFuture().get(10, TimeUnit.SECONDS);
                try (RedisAdapterFactory f1 = new RedisAdapterFactory(RedisURI.create(uri), options, TestCluster.RESOURCES)) {
                    f1.connected().toCompletableFuture().get(5, TimeUnit.SECONDS);
                    TestHost h1 = host(f1, "/f", "n1");
                    h1.connect("a1", "room");
                    f0.settled().toCompletableFuture().get();
                    f1.settled().toCompletableFuture().get();
                    h0.adapter.broadcast(event("joined"), BroadcastOptions.rooms(Set.of("room")));
                    h1.await(h -> h.writes("joined").size() == 1, "joined");
                    assertEquals(2, h0.adapter.serverCount().toCompletableFuture().get());
                }
            }
            assertEquals(1, log.messages(Level.WARNING).stream().filter(m -> m.contains("cannot reach Redis")).count(), log.messages(Level.WARNING).toString());
            assertTrue(log.messages(Level.INFO).stream().anyMatch(m -> m.contains("connected to Redis") && m.contains("the cluster is joined")));
        }
    }

    @ParameterizedTest(name = "sharded={0}")
    @ValueSource(booleans = {false, true})
    void aVanishedNodeMeansATimeoutWithWhatArrived(boolean sharded) throws Exception {
        RedisAdapterOptions options = options(sharded);
        RedisServer redis = RedisServer.shared();
        try (TestCluster cluster = TestCluster.redis(redis.uri(), options, "/f", 2); RawSubscriber ghost = new RawSubscriber(redis.uri())) {
            if (sharded) {
                ghost.ssubscribe(options.key() + "#/f#"); // counted by SHARDNUMSUB, never answers
            } else {
                ghost.subscribe(options.key() + "-request#/f#"); // counted by NUMSUB, never answers
            }
            cluster.host(0).connect("a0");
            cluster.host(1).connect("a1");
            assertEquals(3, cluster.adapter(0).serverCount().toCompletableFuture().get());

            long start = System.nanoTime();
            ExecutionException fetch = assertThrows(ExecutionException.class,
                    () -> cluster.adapter(0).fetchSockets(BroadcastOptions.all()).toCompletableFuture().get(5, TimeUnit.SECONDS));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 550 && waited < 3000, "waited the requests timeout (600 ms): " + waited);
            ClusterTimeoutException timeout = assertInstanceOf(ClusterTimeoutException.class, fetch.getCause());
            assertEquals(sharded ? "timeout reached: only 1 responses received out of 2" : "timeout reached while waiting for fetchSockets response",
                    timeout.getMessage());
            assertEquals(Set.of("a0", "a1"), timeout.partialResults().stream().map(s -> ((SocketDetails) s).id()).collect(java.util.stream.Collectors.toSet()));

            ExecutionException emit = assertThrows(ExecutionException.class,
                    () -> cluster.adapter(0).serverSideEmitWithAck(List.of("q")).toCompletableFuture().get(5, TimeUnit.SECONDS));
            ClusterTimeoutException emitTimeout = assertInstanceOf(ClusterTimeoutException.class, emit.getCause());
            assertEquals("timeout reached: only 1 responses received out of 2", emitTimeout.getMessage());
            assertEquals(List.of("reply:node1"), emitTimeout.partialResults());
        }
    }

    @ParameterizedTest(name = "sharded={0}")
    @ValueSource(booleans = {false, true})
    void garbageOnTheChannelsIsLoggedOnceAndIgnored(boolean sharded) throws Exception {
        RedisAdapterOptions options = options(sharded);
        RedisServer redis = RedisServer.shared();
        Class<?> adapterClass = sharded ? ShardedRedisAdapter.class : RedisAdapter.class;
        RedisClient client = RedisClient.create(TestCluster.RESOURCES, RedisURI.create(redis.uri()));
        try (TestCluster cluster = TestCluster.redis(redis.uri(), options, "/f", 2); LogCapture log = LogCapture.of(adapterClass).atLevel(Level.FINE);
                StatefulRedisConnection<byte[], byte[]> raw = client.connect(ByteArrayCodec.INSTANCE)) {
            cluster.host(1).connect("a1", "room");
            cluster.settle();
            String key = options.key();
            List<String[]> garbage = sharded
                    ? List.of(new String[] {key + "#/f#", "c1"}, new String[] {key + "#/f#", "7b7b"}, new String[] {key + "#/f#", "81a474797065a178"},
                            new String[] {key + "#/f#room#", "93"})
                    : List.of(new String[] {key + "#/f#", "c1"}, new String[] {key + "#/f#", "93a178"}, new String[] {key + "#/f#room#", "81a161c0"},
                            new String[] {key + "-request#/f#", "7b2274797065223a"}, new String[] {key + "-request#/f#", "c1"},
                            new String[] {key + "-request#/f#", "{\"type\":\"x\"}"}, new String[] {key + "-response#/f#", "7b"});
            for (String[] g : garbage) {
                byte[] payload = g[1].startsWith("{") ? g[1].getBytes(StandardCharsets.UTF_8) : HexFormat.of().parseHex(g[1]);
                if (sharded) {
                    raw.sync().spublish(g[0].getBytes(StandardCharsets.UTF_8), payload);
                } else {
                    raw.sync().publish(g[0].getBytes(StandardCharsets.UTF_8), payload);
                }
            }
            cluster.adapter(0).broadcast(event("still-fine"), BroadcastOptions.rooms(Set.of("room")));
            cluster.fence(0); // the raw publisher's messages came before: node 1 handled them
            cluster.host(1).await(h -> h.writes("still-fine").size() == 1, "still-fine");
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), "one line for all that garbage, on both nodes: " + warnings);
            assertTrue(warnings.get(0).contains("ignoring a malformed"), warnings.get(0));
            assertTrue(log.messages(Level.FINE).size() >= garbage.size() - 1, "the others at FINE: " + log.messages(Level.FINE));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** An adapter is its namespace's: another namespace's broadcast on a shared Redis is not delivered. */
    @ParameterizedTest(name = "sharded={0}")
    @ValueSource(booleans = {false, true})
    void namespacesDoNotMix(boolean sharded) throws Exception {
        RedisAdapterOptions options = options(sharded);
        try (TestCluster a = TestCluster.redis(RedisServer.shared().uri(), options, "/a", 2);
                TestCluster ab = TestCluster.redis(RedisServer.shared().uri(), options, "/a/b", 2)) {
            a.host(1).connect("x");
            ab.host(1).connect("y");
            a.settle();
            ab.settle();
            Adapter adapter = ab.adapter(0);
            adapter.broadcast(new TestPacket(2, "/a/b", List.of("for-ab"), null), BroadcastOptions.all());
            ab.fence(0);
            a.fence(0);
            assertEquals(List.of("y"), ab.host(1).writes("for-ab").stream().map(TestHost.Write::socketId)
                    .filter(id -> !id.startsWith("fence")).toList()); // a fence socket may have joined before it came
            assertEquals(List.of(), a.host(1).writes("for-ab"));
        }
    }
}
