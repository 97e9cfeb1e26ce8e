package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The namespace's incoming filter and outgoing listener, the hooks SocketMiddleware beans are installed on. */
class MiddlewareHooksTest {

    private final SioHarness h = new SioHarness();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theFilterStopsEventsAndAFailingFilterIsReportedAsAFailingHandler() throws Exception {
        h.io.namespace("/", new NamespaceHandlers()
                .incoming((socket, event, args, ack) -> {
                    if (event.equals("boom")) {
                        throw new IllegalStateException("filter failed");
                    }
                    if (event.equals("stop")) {
                        ack.send("stopped");
                        return false;
                    }
                    return true;
                })
                .on("stop", (s, e, a, ack) -> seen.add("handler stop"))
                .on("boom", (s, e, a, ack) -> seen.add("handler boom"))
                .on("go", (s, e, a, ack) -> ack.send("went"))
                .onError((s, e, error) -> seen.add("error " + e + " " + error.getMessage())));
        h.start();
        InMemoryConnection c = h.open();
        c.send("40");
        c.awaitPrefix("40{");
        c.send("421[\"stop\"]");
        assertEquals("431[\"stopped\"]", c.awaitPrefix("431"));
        c.send("422[\"boom\"]");
        c.send("423[\"go\"]");
        assertEquals("433[\"went\"]", c.awaitPrefix("433"));
        assertEquals(List.of("error boom filter failed"), seen, "no stopped handler ran");
    }

    @Test
    void theOutgoingListenerSeesEmitsAndEachBroadcastRecipient() throws Exception {
        h.io.namespace("/", new NamespaceHandlers().outgoing((socket, event, args) -> seen.add(event + " " + args)));
        h.start();
        InMemoryConnection a = h.open();
        InMemoryConnection b = h.open();
        a.send("40");
        b.send("40");
        a.awaitPrefix("40{");
        b.awaitPrefix("40{");
        Namespace ns = h.io.namespace("/");
        ns.sockets().iterator().next().emit("direct", 1);
        ns.broadcast().emit("all", List.of("x"));
        assertEquals(List.of("direct [1]", "all [x]", "all [x]"), seen);
    }
}
