package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.PullingTransport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** node's volatile flag: a packet a busy transport cannot take at once is dropped; others are queued. */
class VolatileBroadcastTest {

    private final SioHarness h = new SioHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    /** A transport that writes what it is handed and then stays busy (as a websocket whose write has not completed). */
    static final class BusyTransport extends PullingTransport {
        final List<String> written = new ArrayList<>();
        boolean busy;

        @Override
        protected void written(EnginePacket p) {
            written.add(p.text());
        }

        @Override
        protected boolean pulls() {
            return !busy;
        }

        /** The pending write completes: take what queued meanwhile. */
        void drain() {
            busy = false;
            writeCompleted();
        }
    }

    @Test
    void aVolatileBroadcastSkipsABusyTransportAndReachesAnIdleOne() {
        h.io.namespace("/", new NamespaceHandlers());
        h.start();
        BusyTransport t = new BusyTransport();
        t.bind(h.io.engine().open(t, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1),
                System.currentTimeMillis(), null, null)));
        t.session().onWritable(t);
        t.session().onPacket(t, EnginePacket.message("0"));
        assertTrue(t.written.stream().anyMatch(w -> w.startsWith("0{\"sid\"")), t.written.toString());

        Namespace ns = h.io.namespace("/");
        ns.broadcast().volatile_().emit("idle", List.of(1));
        assertTrue(t.written.contains("2[\"idle\",1]"), "idle transport: delivered " + t.written);

        t.busy = true;
        ns.broadcast().emit("first", List.of());          // the transport takes it and stays busy
        ns.broadcast().emit("queued", List.of());         // waits in the buffer
        ns.broadcast().volatile_().emit("stale", List.of()); // dropped: the transport cannot take it now
        t.drain();
        List<String> events = t.written.stream().filter(w -> w.startsWith("2[")).toList();
        assertEquals(List.of("2[\"idle\",1]", "2[\"first\"]", "2[\"queued\"]"), events);
    }
}
