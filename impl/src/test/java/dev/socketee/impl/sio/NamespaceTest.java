package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.ConnectionRefusedException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Namespaces: a socket leaving, and dynamic namespaces that go away when empty. */
class NamespaceTest {

    private final SioHarness h = new SioHarness();
    /** The socket of each connection on a dynamic namespace, by namespace name. */
    private final Map<String, SioSocket> lastByName = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        h.close();
    }

    private void dynamic() {
        h.io.namespace("/", new NamespaceHandlers());
        h.io.namespacePattern(Pattern.compile("/dyn-\\d+"), name -> new NamespaceHandlers().onConnect((s, auth) -> {
            lastByName.put(name, s);
            if (String.valueOf(auth).contains("refuse")) { // the auth stays raw JSON
                throw new ConnectionRefusedException("refused");
            }
        }));
        h.start();
    }

    @Test
    void aDynamicNamespaceIsRemovedWhenItsLastSocketLeaves() throws Exception {
        dynamic();
        InMemoryConnection a = h.open();
        InMemoryConnection b = h.open();
        a.send("40/dyn-1,");
        b.send("40/dyn-1,");
        a.awaitPrefix("40/dyn-1,{");
        b.awaitPrefix("40/dyn-1,{");
        Namespace ns = h.io.namespace("/dyn-1");
        assertNotNull(ns);
        a.send("41/dyn-1,");
        assertSame(ns, h.io.namespace("/dyn-1"), "one socket is still there");
        b.drop();
        assertNull(h.io.namespace("/dyn-1"), "empty dynamic namespace removed");
        assertNotNull(h.io.namespace("/"), "declared namespaces stay");
    }

    @Test
    void aDynamicNamespaceWhoseOnlyConnectionWasRefusedIsRemoved() throws Exception {
        dynamic();
        InMemoryConnection c = h.open();
        c.send("40/dyn-2,{\"refuse\":true}");
        c.awaitPrefix("44/dyn-2,{\"message\":\"refused\"");
        assertNull(h.io.namespace("/dyn-2"));
    }

    @Test
    void thousandsOfDynamicNamespacesFromOneConnectionLeaveNothing() throws Exception {
        dynamic();
        InMemoryConnection c = h.open();
        for (int i = 0; i < 2_000; i++) {
            c.send("40/dyn-" + i + ",");
            c.send("41/dyn-" + i + ",");
        }
        c.awaitPrefix("40/dyn-1999,{");
        assertEquals(Set.of(), names(), "namespaces left besides /");
    }

    @Test
    void askingForAnEmptyDynamicNamespaceCreatesNothing() {
        dynamic();
        Namespace standIn = h.io.namespaceOrEmpty("/dyn-7");
        assertNotNull(standIn);
        standIn.broadcast().emit("nobody", 1);
        assertTrue(standIn.members("r").isEmpty());
        assertNull(h.io.namespace("/dyn-7"));
        assertNull(h.io.namespaceOrEmpty("/other"));
    }

    /**
     * The last socket leaves while another one connects, many times over: the newcomer must end
     * up in the namespace the server holds (never in one being removed), and that one holds it.
     */
    @Test
    void aConnectRacingTheRemovalLandsInALiveNamespace() throws Exception {
        dynamic();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 300; i++) {
                String name = "/dyn-" + i;
                InMemoryConnection leaving = h.open();
                InMemoryConnection coming = h.open();
                leaving.send("40" + name + ",");
                leaving.awaitPrefix("40" + name + ",{");
                CountDownLatch go = new CountDownLatch(1);
                Future<?> leave = pool.submit(() -> {
                    go.await();
                    leaving.send("41" + name + ",");
                    return null;
                });
                Future<?> come = pool.submit(() -> {
                    go.await();
                    coming.send("40" + name + ",");
                    return null;
                });
                go.countDown();
                leave.get(5, TimeUnit.SECONDS);
                come.get(5, TimeUnit.SECONDS);
                coming.awaitPrefix("40" + name + ",{");
                SioSocket newcomer = lastByName.get(name);
                Namespace live = h.io.namespace(name);
                assertNotNull(live, "run " + i + ": the newcomer's namespace was removed");
                assertSame(live, newcomer.namespace(), "run " + i);
                assertSame(newcomer, live.socket(newcomer.id()), "run " + i);
                coming.drop();
                assertNull(h.io.namespace(name), "run " + i + ": removed after the newcomer left");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<String> names() {
        Set<String> out = new java.util.TreeSet<>();
        for (Namespace n : h.io.namespaces()) {
            if (!n.name().equals("/")) {
                out.add(n.name());
            }
        }
        return out;
    }
}
