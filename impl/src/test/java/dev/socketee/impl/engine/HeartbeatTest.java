package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat schedule when the client answers faster than the timer thread moves on: a pong
 * that arrives while the ping is still being sent must re-arm the next ping a full pingInterval
 * later, not be overwritten by the pong deadline (then pings came every pingTimeout: seen as
 * "too early" pings on a loaded machine).
 */
class HeartbeatTest {

    @Test
    void pongDuringThePingsSendKeepsTheFullPingInterval() throws Exception {
        EngineServer server = new EngineServer(EngineIoOptions.builder()
                .pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(100)).build(), c -> { });
        InstantPongTransport transport = new InstantPongTransport();
        try {
            EngineSession session = server.open(transport, new HandshakeInfo(Map.of(), Map.of(),
                    InetSocketAddress.createUnresolved("127.0.0.1", 1), System.currentTimeMillis(), null, null));
            transport.session = session;
            session.onWritable(transport);

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (transport.pings().size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<Long> pings = transport.pings();
            assertTrue(pings.size() >= 4, "pings sent: " + pings.size());
            for (int i = 1; i < 4; i++) {
                long gapMillis = (pings.get(i) - pings.get(i - 1)) / 1_000_000;
                assertTrue(gapMillis >= 290, "ping " + (i + 1) + " came " + gapMillis + " ms after the previous one");
            }
            assertTrue(session.isOpen(), "answered pings keep the session open");
        } finally {
            server.close();
        }
    }

    /** A websocket-like transport whose client pongs inside the send call, before it returns. */
    private static final class InstantPongTransport implements Transport {
        volatile EngineSession session;
        private final List<Long> pingNanos = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "websocket";
        }

        @Override
        public void send(List<EnginePacket> packets) {
            for (EnginePacket p : packets) {
                if (p.type() == EnginePacketType.PING) {
                    pingNanos.add(System.nanoTime());
                    session.onPacket(this, EnginePacket.PONG);
                }
            }
            session.onWritable(this);
        }

        @Override
        public void close() {
        }

        List<Long> pings() {
            synchronized (pingNanos) {
                return new ArrayList<>(pingNanos);
            }
        }
    }
}
