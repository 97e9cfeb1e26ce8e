package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A probe that does not send the upgrade packet within upgradeTimeout is closed; the polling session goes on (manual clock). */
class UpgradeTimeoutTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final EngineServer server = new EngineServer(EngineIoOptions.builder()
            .pingInterval(Duration.ofSeconds(25)).pingTimeout(Duration.ofSeconds(20)).upgradeTimeout(Duration.ofMillis(1000)).build(),
            c -> { }, EngineThreads.of(clock, Runnable::run), false);

    private static final class FakeTransport implements Transport {
        final String name;
        final List<EnginePacket> sent = new ArrayList<>();
        boolean closed;

        FakeTransport(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(List<EnginePacket> packets) {
            sent.addAll(packets);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private EngineSession polling(FakeTransport t) {
        return server.open(t, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1), 0, null, null));
    }

    @Test
    void aProbeWithoutUpgradeIsClosedAfterTheTimeout() {
        FakeTransport poll = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = polling(poll);
        assertTrue(session.onProbe(ws));
        assertEquals(List.of(EnginePacket.PONG_PROBE), ws.sent);
        clock.advanceMillis(999);
        assertFalse(ws.closed);
        clock.advanceMillis(1);
        assertTrue(ws.closed, "the probe is dropped");
        assertTrue(session.isOpen(), "the session goes on polling");
        assertTrue(session.acceptsUpgrade(), "and may try again");
    }

    @Test
    void anUpgradeInTimeCancelsTheTimeout() {
        FakeTransport poll = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = polling(poll);
        session.onProbe(ws);
        session.onUpgrade(ws);
        clock.advanceMillis(5000);
        assertFalse(ws.closed);
        assertEquals("websocket", session.transport());
    }
}
