package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.metrics.Counters;
import dev.socketee.impl.metrics.Meter;
import dev.socketee.impl.metrics.PrometheusText;
import dev.socketee.impl.metrics.ServerMetrics;
import dev.socketee.impl.metrics.SocketeeMeters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact counts after scripted connects, events, a broadcast, an ack timeout and disconnects of every kind. */
class MetricsTest {

    private final SioHarness h = new SioHarness();
    private final Counters counters = new Counters();
    private final SocketeeMeters meters = new SocketeeMeters(h.io, counters);
    private final AtomicReference<SioSocket> last = new AtomicReference<>();
    private long bytesIn;

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void withoutMetricsNothingIsCounted() {
        assertSame(ServerMetrics.NONE, new SioHarness().io.metrics());
    }

    @Test
    void countsFollowTheTraffic() throws Exception {
        h.io.metrics(counters);
        h.io.namespace("/", new NamespaceHandlers()
                .onConnect((s, auth) -> last.set(s))
                .on("echo", (s, e, args, ack) -> s.emitArgs("reply", args)));
        h.start();
        InMemoryConnection[] c = new InMemoryConnection[3];
        SioSocket[] s = new SioSocket[3];
        for (int i = 0; i < 3; i++) {
            c[i] = h.open();
            send(c[i], "40");
            c[i].awaitPrefix("40{");
            s[i] = last.get();
        }
        assertEquals(3, value("socketee.sockets.connected", Map.of("namespace", "/")));
        assertEquals(3, value("socketee.engine.sessions", Map.of("transport", "websocket")));
        assertEquals(0, value("socketee.engine.sessions", Map.of("transport", "polling")));
        assertEquals(3, value("socketee.engine.sessions.opened", Map.of("transport", "websocket")));
        assertEquals(3, value("socketee.socket.connects", Map.of()));

        send(c[0], "42[\"echo\",\"x\"]");
        send(c[0], "42[\"echo\",\"y\"]");
        c[0].awaitPrefix("42[\"reply\",\"y\"]");
        h.io.namespace("/").broadcast().emit("news", 1);
        for (InMemoryConnection each : c) {
            each.awaitPrefix("42[\"news\",1]");
        }
        assertEquals(2, value("socketee.events.in", Map.of()));
        assertEquals(2 + 3, value("socketee.events.out", Map.of()));
        assertEquals(1, value("socketee.broadcasts", Map.of()));
        assertEquals(3, value("socketee.broadcast.recipients", Map.of()));

        var noReply = s[1].emitWithAck("question", List.of(), 50);
        assertEquals(1, value("socketee.acks.pending", Map.of()));
        ExecutionException timedOut = assertThrows(ExecutionException.class, () -> noReply.get(5, TimeUnit.SECONDS));
        assertTrue(timedOut.getCause() instanceof java.util.concurrent.TimeoutException);
        assertEquals(0, value("socketee.acks.pending", Map.of()));
        assertEquals(1, value("socketee.acks.timed.out", Map.of()));

        send(c[0], "41");                 // the client leaves the namespace, its connection stays
        c[1].drop();                      // the connection is lost
        s[2].disconnect(true);            // the server disconnects the client and closes its connection
        assertEquals(0, value("socketee.sockets.connected", Map.of("namespace", "/")));
        assertEquals(1, value("socketee.socket.disconnects", Map.of("reason", "client namespace disconnect")));
        assertEquals(1, value("socketee.socket.disconnects", Map.of("reason", "transport close")));
        assertEquals(1, value("socketee.socket.disconnects", Map.of("reason", "server namespace disconnect")));
        assertEquals(1, value("socketee.engine.sessions.closed", Map.of("reason", "transport close")));
        assertEquals(1, value("socketee.engine.sessions.closed", Map.of("reason", "forced close")));
        assertEquals(1, value("socketee.engine.sessions", Map.of("transport", "websocket")));
        assertEquals(bytesIn, value("socketee.engine.bytes.in", Map.of()));
        assertTrue(value("socketee.engine.bytes.out", Map.of()) > 0);
        assertEquals(0, value("socketee.engine.slow.consumers.closed", Map.of()));
        assertEquals(0, value("socketee.cluster.requests", Map.of()), "an in-memory adapter makes no cluster requests");
    }

    @Test
    void prometheusTextNamesEachMeterOnce() throws Exception {
        h.io.metrics(counters);
        h.io.namespace("/chat", new NamespaceHandlers());
        h.start();
        InMemoryConnection c = h.open();
        send(c, "40/chat,");
        c.awaitPrefix("40/chat,{");
        String text = PrometheusText.render(meters.all());
        assertTrue(text.contains("# TYPE socketee_sockets_connected gauge\nsocketee_sockets_connected{namespace=\"/chat\"} 1\n"), text);
        assertTrue(text.contains("# TYPE socketee_engine_sessions_closed_total counter\n"), text);
        assertTrue(text.contains("socketee_engine_sessions_closed_total{reason=\"ping timeout\"} 0\n"), text);
        assertEquals(1, text.split("# TYPE socketee_socket_disconnects_total ", -1).length - 1, text);
    }

    @Test
    void clusterRequestsAreTimedAndFailuresCounted() throws Exception {
        java.util.concurrent.CompletableFuture<Integer> answer = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<List<dev.socketee.adapter.SocketDetails>> noAnswer = new java.util.concurrent.CompletableFuture<>();
        h.io.metrics(counters);
        h.io.adapterFactory(host -> clusterAdapter(new dev.socketee.adapter.InMemoryAdapter(host), answer, noAnswer));
        Namespace ns = h.io.namespace("/", new NamespaceHandlers());
        h.start();
        ns.broadcast().timeout(java.time.Duration.ofSeconds(5)).emitWithAck("q", List.of()); // asks the cluster how many servers
        var fetched = ns.broadcast().fetchSockets();
        ns.broadcast().local().fetchSockets(); // this node only: not a cluster request
        assertEquals(0, value("socketee.cluster.requests", Map.of()), "still waiting");
        answer.complete(2);
        noAnswer.completeExceptionally(new dev.socketee.adapter.ClusterTimeoutException("timed out", List.of()));
        assertTrue(fetched.toCompletableFuture().isCompletedExceptionally());
        assertEquals(2, value("socketee.cluster.requests", Map.of()));
        assertEquals(1, value("socketee.cluster.requests.failed", Map.of()));
        assertTrue(value("socketee.cluster.request.seconds", Map.of()) > 0);
    }

    /** An adapter that is not the in-memory one (so its requests count as cluster requests) and answers when the test says. */
    private static dev.socketee.adapter.Adapter clusterAdapter(dev.socketee.adapter.InMemoryAdapter local,
            java.util.concurrent.CompletableFuture<Integer> serverCount,
            java.util.concurrent.CompletableFuture<List<dev.socketee.adapter.SocketDetails>> fetch) {
        return (dev.socketee.adapter.Adapter) java.lang.reflect.Proxy.newProxyInstance(MetricsTest.class.getClassLoader(),
                new Class<?>[] {dev.socketee.adapter.Adapter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("serverCount")) {
                        return serverCount;
                    }
                    if (method.getName().equals("fetchSockets") && !((dev.socketee.adapter.BroadcastOptions) args[0]).flags().local()) {
                        return fetch;
                    }
                    try {
                        return method.invoke(local, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void send(InMemoryConnection c, String wire) {
        bytesIn += wire.length() - 1; // the Engine.IO payload, without its type digit
        c.send(wire);
    }

    private double value(String name, Map<String, String> tags) {
        List<Meter> found = meters.all().stream().filter(m -> m.name().equals(name) && m.tags().equals(tags)).toList();
        assertEquals(1, found.size(), name + tags);
        return found.get(0).value().getAsDouble();
    }
}
