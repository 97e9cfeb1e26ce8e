package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-connection multiplexer: which CONNECTs it admits. (Its connect timeout is tested with the timer.) */
class ClientTest {

    private final SioHarness h = new SioHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anUnknownNamespaceGetsInvalidNamespace() throws Exception {
        h.io.namespace("/", new NamespaceHandlers());
        h.start();
        InMemoryConnection c = h.open();
        c.send("40/nope,");
        assertEquals("44/nope,{\"message\":\"Invalid namespace\"}", c.awaitPrefix("44/nope,"));
        assertNull(h.io.namespace("/nope"));
        c.send("40");
        c.awaitPrefix("40{\"sid\""); // the connection lives on
    }

    @Test
    void aNameThatAPatternMatchesBecomesANamespaceOnConnect() throws Exception {
        h.io.namespacePattern(Pattern.compile("/team-[a-z]+"), name -> new NamespaceHandlers());
        h.start();
        InMemoryConnection c = h.open();
        c.send("40/team-x,");
        c.awaitPrefix("40/team-x,{\"sid\"");
        assertNotNull(h.io.namespace("/team-x"));
        c.send("40/team-1,");
        c.awaitPrefix("44/team-1,{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void pastTheCapAConnectGetsTooManyNamespacesAndTheOthersLiveOn() throws Exception {
        h.io.maxNamespacesPerConnection(2);
        h.io.namespace("/", new NamespaceHandlers());
        h.io.namespacePattern(Pattern.compile("/dyn-\\d+"), name -> new NamespaceHandlers());
        h.start();
        InMemoryConnection c = h.open();
        c.send("40");
        c.send("40/dyn-1,");
        c.send("40/dyn-2,");
        assertEquals("44/dyn-2,{\"message\":\"Too many namespaces\"}", c.awaitPrefix("44/dyn-2,"));
        assertNull(h.io.namespace("/dyn-2"), "nothing was created for the refused name");
        c.send("42/dyn-1,[\"still\"]");
        c.send("41/dyn-1,");
        c.send("40/dyn-2,"); // a place is free again
        c.awaitPrefix("40/dyn-2,{\"sid\"");
        assertNotNull(h.io.namespace("/dyn-2"));
        assertNull(h.io.namespace("/dyn-1"));
    }

    @Test
    void aSecondConnectToTheSameNamespaceIsIgnored() throws Exception {
        h.io.namespacePattern(Pattern.compile("/dyn-\\d+"), name -> new NamespaceHandlers());
        h.start();
        InMemoryConnection c = h.open();
        c.send("40/dyn-1,");
        c.send("40/dyn-1,");
        c.awaitPrefix("40/dyn-1,{");
        assertEquals(1, h.io.namespace("/dyn-1").sockets().size());
        c.drop();
        assertNull(h.io.namespace("/dyn-1"), "the ignored CONNECT held no place in the namespace");
    }

    @Test
    void anExtensionIsMadeOncePerConnectionAndSharedByItsNamespaces() throws Exception {
        java.util.Map<String, SioSocket> byNs = new java.util.concurrent.ConcurrentHashMap<>();
        h.io.namespace("/", new NamespaceHandlers().onConnect((s, auth) -> byNs.put("/", s)));
        h.io.namespace("/b", new NamespaceHandlers().onConnect((s, auth) -> byNs.put("/b", s)));
        h.start();
        InMemoryConnection c = h.open();
        c.send("40");
        c.send("40/b,");
        c.awaitPrefix("40/b,{");
        Object one = byNs.get("/").client().extension(Object.class, Object::new);
        assertSame(one, byNs.get("/b").client().extension(Object.class, Object::new), "one per connection");
        InMemoryConnection other = h.open();
        other.send("40");
        other.await(p -> p.startsWith("40{") && byNs.get("/").client() != byNs.get("/b").client());
        assertNotSame(one, byNs.get("/").client().extension(Object.class, Object::new), "another connection has its own");
    }
}
