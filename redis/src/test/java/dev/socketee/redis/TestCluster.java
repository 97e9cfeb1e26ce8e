package dev.socketee.redis;

import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.OutboundPacket;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Some nodes serving one namespace: each a {@link TestHost} and the adapter its own factory made
 * (its own Redis connections, as separate servers have). {@link #fence()} makes sure everything
 * sent before has been handled everywhere: a broadcast to every socket, waited for on every node
 * (Redis keeps the order of one publisher's messages for one subscriber).
 */
final class TestCluster implements AutoCloseable {

    /** Lettuce threads for every test factory (a factory of its own makes and stops them each time). */
    static final ClientResources RESOURCES = DefaultClientResources.builder()
            .reconnectDelay(Delay.exponential(Duration.ofMillis(20), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
            .ioThreadPoolSize(2).computationThreadPoolSize(2).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RESOURCES.shutdown(0, 1, TimeUnit.SECONDS)));
    }

    final List<TestHost> hosts = new ArrayList<>();
    final List<AdapterFactory> factories = new ArrayList<>();
    private int fences;
    private dev.socketee.adapter.RecoveryOptions recovery;

    private TestCluster() {
    }

    static TestCluster inMemory(String nsp) {
        TestCluster c = new TestCluster();
        c.add(nsp, host -> new InMemoryAdapter(host), null);
        return c;
    }

    static TestCluster redis(String uri, RedisAdapterOptions options, String nsp, int nodes) {
        return redis(uri, options, nsp, nodes, null);
    }

    /** As {@link #redis(String, RedisAdapterOptions, String, int)}, with connection state recovery on each node. */
    static TestCluster redis(String uri, RedisAdapterOptions options, String nsp, int nodes, dev.socketee.adapter.RecoveryOptions recovery) {
        TestCluster c = new TestCluster();
        c.recovery = recovery;
        for (int i = 0; i < nodes; i++) {
            RedisAdapterFactory factory = new RedisAdapterFactory(RedisURI.create(uri), options, RESOURCES);
            factory.connected().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
            c.add(nsp, factory::create, factory);
        }
        c.settle();
        return c;
    }

    private void add(String nsp, Function<TestHost, Adapter> make, AdapterFactory factory) {
        TestHost host = new TestHost(nsp, "node" + hosts.size());
        host.recovery = recovery;
        host.adapter = make.apply(host);
        host.adapter.init().toCompletableFuture().join();
        hosts.add(host);
        if (factory != null) {
            factories.add(factory);
        }
    }

    TestHost host(int i) {
        return hosts.get(i);
    }

    Adapter adapter(int i) {
        return hosts.get(i).adapter;
    }

    int size() {
        return hosts.size();
    }

    /** Redis has handled every subscription asked so far (a room's channel in the sharded mode). */
    void settle() {
        for (AdapterFactory f : factories) {
            ((RedisAdapterFactory) f).settled().toCompletableFuture().join();
        }
    }

    /** Everything node {@code from} sent before has reached every node. */
    void fence(int from) {
        settle();
        String event = "fence" + (++fences);
        String socket = "fence-socket-" + fences;
        for (TestHost h : hosts) {
            h.connect(socket + "-" + h.node());
        }
        settle();
        OutboundPacket packet = new TestPacket(2, host(from).name(), List.of(event), null);
        adapter(from).broadcast(packet, BroadcastOptions.all());
        for (TestHost h : hosts) {
            String mine = socket + "-" + h.node();
            h.await(x -> x.writes(event).stream().anyMatch(w -> w.socketId().equals(mine)), event);
            h.disconnect(mine, false);
        }
    }

    @Override
    public void close() {
        for (TestHost h : hosts) {
            h.adapter.close().toCompletableFuture().join();
        }
        for (AdapterFactory f : factories) {
            f.close();
        }
    }
}
