package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A socket's acks and data, and a client's extensions and namespace sockets, are made on first use:
 * they answer as before, also when the first uses race.
 */
class LazySocketStateTest {

    private final SioHarness h = new SioHarness();
    private final AtomicReference<SioSocket> socket = new AtomicReference<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        h.close();
    }

    private InMemoryConnection connected() throws Exception {
        h.io.namespace("/", new NamespaceHandlers().onConnect((s, auth) -> socket.set(s)));
        h.io.namespace("/chat", new NamespaceHandlers());
        h.start();
        InMemoryConnection c = h.open();
        c.send("40");
        c.awaitPrefix("40{");
        return c;
    }

    /** Runs {@code task} on 4 threads released together; their results in order. */
    private <T> List<T> together(java.util.concurrent.Callable<T> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> fs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fs.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : fs) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void dataIsOneMapWhoeverAsksFirstAndReadersMakeNone() throws Exception {
        connected();
        SioSocket s = socket.get();
        assertEquals(Map.of(), s.dataOrEmpty());
        assertTrue(s.dataOrEmpty().isEmpty());
        AtomicInteger n = new AtomicInteger();
        List<ConcurrentHashMap<String, Object>> maps = together(() -> {
            ConcurrentHashMap<String, Object> d = s.data();
            d.put("k" + n.incrementAndGet(), "v");
            return d;
        });
        for (ConcurrentHashMap<String, Object> d : maps) {
            assertSame(maps.get(0), d);
        }
        assertEquals(4, s.data().size(), "every thread's entry is in the one map");
        assertSame(s.data(), s.dataOrEmpty());
    }

    @Test
    void acksAskedForAtOnceAreAllPendingAndAllAnswered() throws Exception {
        InMemoryConnection c = connected();
        SioSocket s = socket.get();
        assertEquals(0, s.pendingAcks());
        List<List<Object>> replies = new CopyOnWriteArrayList<>();
        together(() -> {
            for (int i = 0; i < 10; i++) {
                s.emitWithAck("ask", List.of(), replies::add);
            }
            return null;
        });
        assertEquals(40, s.pendingAcks());
        List<String> asks = new ArrayList<>();
        for (String p : c.received()) {
            if (p.startsWith("42")) {
                asks.add(p.substring(2, p.indexOf('[')));
            }
        }
        assertEquals(40, asks.size(), "" + c.received());
        for (String id : asks) {
            c.send("43" + id + "[1]");
        }
        assertEquals(0, s.pendingAcks());
        assertEquals(40, replies.size());
        c.send("43999[1]"); // an unknown id: ignored
        assertEquals(40, replies.size());
    }

    @Test
    void aSocketThatNeverAskedClosesCleanly() throws Exception {
        InMemoryConnection c = connected();
        SioSocket s = socket.get();
        c.send("41"); // handled on this thread
        assertTrue(!s.isConnected());
        assertEquals(0, s.pendingAcks());
        assertEquals(Map.of(), s.dataOrEmpty());
    }

    @Test
    void anExtensionIsMadeOnceWhoeverAsksFirst() throws Exception {
        connected();
        Client client = socket.get().client();
        AtomicInteger made = new AtomicInteger();
        List<Object> got = together(() -> client.extension(StringBuilder.class, () -> {
            made.incrementAndGet();
            return new StringBuilder();
        }));
        for (Object o : got) {
            assertSame(got.get(0), o);
        }
        assertEquals(1, made.get());
        assertSame(got.get(0), client.extension(StringBuilder.class, StringBuilder::new));
    }

    @Test
    void namespaceSocketsFollowConnectsAndLeaves() throws Exception {
        InMemoryConnection c = connected();
        Client client = socket.get().client();
        Namespace chatNs = h.io.namespace("/chat");
        c.send("40/chat,");
        c.awaitPrefix("40/chat,{");
        c.send("40/chat,"); // again: ignored, still one socket there
        assertEquals(1, chatNs.sockets().size());
        SioSocket chat = chatNs.sockets().iterator().next();
        assertSame(client, chat.client());
        c.send("41/chat,"); // handled on this thread
        assertTrue(chatNs.sockets().isEmpty());
        assertTrue(socket.get().isConnected(), "the default namespace's socket lives on");
        c.send("40/chat,");
        c.await(p -> c.received().stream().filter(q -> q.startsWith("40/chat,{")).count() == 2);
        assertEquals(1, chatNs.sockets().size());
        assertTrue(chatNs.sockets().iterator().next() != chat, "a new socket");
        c.send("41");
        c.send("41/chat,");
        assertTrue(chatNs.sockets().isEmpty());
        assertTrue(!socket.get().isConnected());
    }
}
