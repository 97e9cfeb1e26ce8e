package dev.socketee.redis;

import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.BroadcastOptions;
import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the node.js interop tests (classic and sharded protocol) share: a Socketee node (a
 * recording {@link TestHost} with adapter {@code A}) and a node.js peer on one Redis, the
 * teardown, their event packets, and the fences that make sure what one side sent has arrived.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NodeInteropRig<A extends Adapter> {

    private final String nsp;
    /** The node peer's clients, each of which a fence waits for. */
    private final List<String> nodeClients;
    RedisServer redis;
    RedisAdapterFactory factory;
    TestHost javaNode;
    A adapter;
    NodePeer node;
    RawSubscriber wire;
    final Map<String, String> nodeIds = new HashMap<>();
    private int fences;

    NodeInteropRig(String nsp, List<String> nodeClients) {
        this.nsp = nsp;
        this.nodeClients = nodeClients;
    }

    /** The Java node on {@link #redis}: its factory connected, its adapter made and initialized. */
    @SuppressWarnings("unchecked")
    void startJavaNode(RedisAdapterOptions options) throws Exception {
        factory = new RedisAdapterFactory(RedisURI.create(redis.uri()), options, TestCluster.RESOURCES);
        factory.connected().toCompletableFuture().get(5, TimeUnit.SECONDS);
        javaNode = new TestHost(nsp, "node0");
        adapter = (A) factory.create(javaNode);
        javaNode.adapter = adapter;
        adapter.init().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (adapter != null) {
            adapter.close().toCompletableFuture().join();
        }
        if (factory != null) {
            factory.close();
        }
        if (wire != null) {
            wire.close();
        }
    }

    /** An EVENT packet {@code [name, args...]} to the namespace. */
    TestPacket event(String name, Object... args) {
        List<Object> data = new ArrayList<>();
        data.add(name);
        data.addAll(List.of(args));
        return new TestPacket(2, nsp, data, null);
    }

    /** A Java broadcast to everyone, waited for on every node client: what Java sent before has arrived. */
    void fenceToNode() {
        String event = "fence" + (++fences);
        adapter.broadcast(event(event), BroadcastOptions.all());
        for (String client : nodeClients) {
            node.await(e -> "got".equals(e.get("ev")) && client.equals(e.get("client")) && event.equals(e.get("event")), event);
        }
    }

    /** A node broadcast to everyone, waited for on the Java sockets: what node sent before has arrived. */
    void fenceFromNode() throws Exception {
        String event = "nfence" + (++fences);
        node.call("emit", "event", event);
        javaNode.await(h -> h.writes(event).size() >= 3, event);
    }

    Set<String> javaReceivers(String event) {
        return javaNode.writes(event).stream().map(TestHost.Write::socketId).collect(Collectors.toSet());
    }

    Set<String> nodeReceivers(String event) {
        return node.events(e -> "got".equals(e.get("ev")) && event.equals(e.get("event"))).stream()
                .map(e -> (String) e.get("client")).collect(Collectors.toSet());
    }
}
