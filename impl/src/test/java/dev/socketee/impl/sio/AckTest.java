package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acknowledgements both ways: sent once, and nothing after the socket closed. */
class AckTest {

    private final SioHarness h = new SioHarness();
    private final AtomicReference<Ack> held = new AtomicReference<>();
    private final AtomicReference<SioSocket> socket = new AtomicReference<>();

    @AfterEach
    void stop() {
        h.close();
    }

    private InMemoryConnection connected() throws Exception {
        h.io.namespace("/", new NamespaceHandlers()
                .onConnect((s, auth) -> socket.set(s))
                .on("echo", (s, e, args, ack) -> {
                    ack.send(args);
                    ack.send("again");
                })
                .on("later", (s, e, args, ack) -> held.set(ack)));
        h.start();
        InMemoryConnection c = h.open();
        c.send("40");
        c.awaitPrefix("40{");
        return c;
    }

    @Test
    void anAckIsSentOnce() throws Exception {
        InMemoryConnection c = connected();
        c.send("427[\"echo\",\"x\"]");
        c.awaitPrefix("437[\"x\"]");
        c.send("428[\"echo\",\"y\"]");
        c.awaitPrefix("438[");
        assertEquals(1, c.received().stream().filter(p -> p.startsWith("437")).count(), "" + c.received());
        assertTrue(held.get() == null);
    }

    @Test
    void anAckAfterTheCloseIsDropped() throws Exception {
        InMemoryConnection c = connected();
        c.send("423[\"later\"]");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (held.get() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        c.send("41");
        int before = c.received().size();
        held.get().send("too late");
        assertEquals(before, c.received().size(), "" + c.received());
    }

    @Test
    void theClientsAckCompletesTheEmitOnceAndAnAckAfterTheCloseIsIgnored() throws Exception {
        InMemoryConnection c = connected();
        List<List<Object>> replies = new CopyOnWriteArrayList<>();
        socket.get().emitWithAck("ask", List.of(), replies::add);
        String ask = c.awaitPrefix("42");
        String id = ask.substring(2, ask.indexOf('['));
        c.send("43" + id + "[\"yes\"]");
        c.send("43" + id + "[\"twice\"]");
        assertEquals(1, replies.size(), "one reply: " + replies);
        assertEquals("[\"yes\"]", replies.get(0).toString()); // the arguments stay raw JSON until asked

        socket.get().emitWithAck("ask", List.of(), replies::add);
        String second = c.await(p -> p.startsWith("42") && !p.equals(ask));
        String id2 = second.substring(2, second.indexOf('['));
        c.send("41");
        c.send("40"); // a new socket on "/": the old one's ack id must not reach anyone
        c.awaitPrefix("40{");
        c.send("43" + id2 + "[\"late\"]");
        assertEquals(1, replies.size(), "" + replies);
    }
}
