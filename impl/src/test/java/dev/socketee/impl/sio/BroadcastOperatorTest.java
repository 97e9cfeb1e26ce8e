package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.impl.sio.broadcast.BroadcastAckTimeout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Broadcasts and operations on sets of sockets, through the adapter, with real sessions. */
class BroadcastOperatorTest {

    private final SioHarness h = new SioHarness();
    private final Map<String, SioSocket> byAuth = new ConcurrentHashMap<>();
    private final List<Adapter> closedAdapters = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        h.close();
    }

    private void start() {
        h.io.adapterFactory(host -> new InMemoryAdapter(host) {
            @Override
            public java.util.concurrent.CompletionStage<Void> close() {
                closedAdapters.add(this);
                return super.close();
            }
        });
        h.io.namespace("/", new NamespaceHandlers().onConnect((s, auth) -> byAuth.put(String.valueOf(auth), s)));
        h.io.namespacePattern(Pattern.compile("/dyn-\\d+"), name -> new NamespaceHandlers());
        h.start();
    }

    private InMemoryConnection connect(String name) throws InterruptedException {
        InMemoryConnection c = h.open();
        c.send("40{\"n\":\"" + name + "\"}");
        c.awaitPrefix("40{");
        return c;
    }

    private SioSocket socket(String name) {
        return byAuth.get("{\"n\":\"" + name + "\"}");
    }

    private static long ackId(String wire) {
        Matcher m = Pattern.compile("^42(\\d+)\\[").matcher(wire);
        assertTrue(m.find(), wire);
        return Long.parseLong(m.group(1));
    }

    @Test
    void emitWithAckCollectsOneReplyPerTargetWithOneAckId() throws Exception {
        start();
        InMemoryConnection a = connect("a");
        InMemoryConnection b = connect("b");
        connect("c");
        socket("c").join("muted");
        CompletableFuture<List<Object>> result = h.io.namespace("/").broadcast().except("muted")
                .timeout(Duration.ofSeconds(5)).emitWithAck("ready?", List.of(1));
        long idA = ackId(a.await(p -> p.startsWith("42") && p.contains("ready?")));
        long idB = ackId(b.await(p -> p.startsWith("42") && p.contains("ready?")));
        assertEquals(idA, idB, "one encoding, one id, for every target");
        a.send("43" + idA + "[\"yes\",\"ignored second arg\"]");
        b.send("43" + idB + "[{\"ok\":true}]");
        assertEquals(List.of("yes", Map.of("ok", true)), result.get(5, TimeUnit.SECONDS));
    }

    @Test
    void emitWithAckFailsAtTheTimeoutWithTheRepliesSoFar() throws Exception {
        start();
        InMemoryConnection a = connect("a");
        connect("b");
        CompletableFuture<List<Object>> result = h.io.namespace("/").broadcast()
                .timeout(Duration.ofMillis(200)).emitWithAck("ready?", List.of());
        a.send("43" + ackId(a.await(p -> p.contains("ready?"))) + "[\"yes\"]");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
        BroadcastAckTimeout t = assertInstanceOf(BroadcastAckTimeout.class, e.getCause());
        assertEquals(List.of("yes"), t.replies());
        assertTrue(t.getMessage().contains("1 of 2"), t.getMessage());
    }

    @Test
    void emitWithAckToNobodyCompletesAtOnce() throws Exception {
        start();
        assertEquals(List.of(), h.io.namespace("/").to("empty-room").timeout(Duration.ofSeconds(5)).emitWithAck("x", List.of())
                .get(5, TimeUnit.SECONDS));
    }

    @Test
    void socketsJoinLeaveAndDisconnectReachTheMatchingSockets() throws Exception {
        start();
        connect("a");
        InMemoryConnection b = connect("b");
        connect("c");
        socket("a").join("r1");
        socket("b").join("r1");
        Namespace ns = h.io.namespace("/");
        ns.to("r1").except(socket("a").id()).socketsJoin(Set.of("r2", "r3"));
        assertEquals(Set.of(socket("b").id(), "r1", "r2", "r3"), socket("b").rooms());
        assertEquals(Set.of(socket("a").id(), "r1"), socket("a").rooms());
        ns.to("r2").socketsLeave(Set.of("r1"));
        assertEquals(Set.of(socket("b").id(), "r2", "r3"), socket("b").rooms());
        ns.to("r3").disconnectSockets(false);
        b.awaitPrefix("41");
        assertTrue(!socket("b").isConnected() && socket("a").isConnected() && socket("c").isConnected());
    }

    @Test
    void fetchSocketsGivesIdRoomsHandshakeAndSessionData() throws Exception {
        start();
        connect("a");
        connect("b");
        socket("a").join("r1");
        socket("a").data().put("user", "alice");
        List<SocketDetails> found = h.io.namespace("/").to("r1").fetchSockets().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(1, found.size());
        SocketDetails d = found.get(0);
        assertEquals(socket("a").id(), d.id());
        assertEquals(Set.of(d.id(), "r1"), d.rooms());
        assertEquals(Map.of("user", "alice"), d.data());
        assertTrue(d.handshake().keySet().containsAll(Set.of("headers", "query", "address", "time", "issued", "url", "xdomain", "secure", "auth")),
                d.handshake().toString());
    }

    @Test
    void aDynamicNamespaceClosesItsAdapterWhenItGoesAway() throws Exception {
        start();
        InMemoryConnection a = h.open();
        a.send("40/dyn-1,");
        a.awaitPrefix("40/dyn-1,{");
        Adapter adapter = h.io.namespace("/dyn-1").adapter();
        a.send("41/dyn-1,");
        assertEquals(List.of(adapter), closedAdapters);
    }

    @Test
    void aServerSideEmitReachesTheHandlerOnTheCallbackExecutorWithItsAck() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        CompletableFuture<Object> reply = new CompletableFuture<>();
        h.io.namespace("/", new NamespaceHandlers().onServerEvent((ns, event, args, ack) -> {
            seen.complete(event + " " + args + " on " + Thread.currentThread().getName());
            ack.reply("pong");
        }));
        h.start();
        String caller = Thread.currentThread().getName();
        h.io.namespace("/").onServerSideEmit(List.of("ping", 1, "x"), reply::complete);
        String s = seen.get(5, TimeUnit.SECONDS);
        assertTrue(s.startsWith("ping [1, x] on ") && !s.endsWith(" on " + caller), s);
        assertEquals("pong", reply.get(5, TimeUnit.SECONDS));
    }
}
