package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO v3 heartbeat on a manual clock (pingInterval 300, pingTimeout 200): the server
 * never pings, it answers each client ping with a pong; no ping within 500 ms (node's v3
 * timeout, pingInterval + pingTimeout) closes the session with "ping timeout" on the callback
 * executor; a pong from a v3 client is a transport error ("invalid heartbeat direction").
 */
class ClientHeartbeatTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final ArrayDeque<Runnable> callbacks = new ArrayDeque<>();
    private final List<String> closes = new ArrayList<>();
    private final EngineServer server = new EngineServer(EngineIoOptions.builder().allowEio3(true)
            .pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(200)).build(),
            new EngineIoListener() {
                @Override
                public void onOpen(EngineConnection connection) {
                }

                @Override
                public void onClose(EngineConnection connection, String reason) {
                    closes.add(reason);
                }
            }, EngineThreads.of(clock, callbacks::add), false);

    private final Recording t = new Recording();
    private final EngineSession session = open();

    private EngineSession open() {
        EngineSession s = server.open(t, new HandshakeInfo(Map.of(), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), 0, null, null), 3);
        t.session = s;
        s.onWritable(t);
        return s;
    }

    private void runCallbacks() {
        for (Runnable r; (r = callbacks.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void theServerNeverPingsAndAnswersEachClientPing() {
        assertEquals(3, session.protocol());
        clock.advanceMillis(450);
        assertEquals(0, t.count(EnginePacketType.PING), "no server ping in v3");
        session.onPacket(t, EnginePacket.PING);
        assertEquals(1, t.count(EnginePacketType.PONG));
        clock.advanceMillis(450);
        session.onPacket(t, EnginePacket.PING);
        assertEquals(2, t.count(EnginePacketType.PONG));
        assertEquals(0, t.count(EnginePacketType.PING));
        assertTrue(session.isOpen() && closes.isEmpty() && callbacks.isEmpty());
    }

    @Test
    void noPingWithinPingIntervalPlusPingTimeoutClosesOnTheCallbackExecutor() {
        clock.advanceMillis(200);
        session.onPacket(t, EnginePacket.PING); // deadline now 200 + 500
        clock.advanceMillis(499);
        assertTrue(session.isOpen() && callbacks.isEmpty(), "open until 500 ms after the last ping");
        assertSame(session, server.session(session.id()));
        clock.advanceMillis(1);
        assertEquals(1, callbacks.size(), "the close is handed to the callback executor");
        assertTrue(closes.isEmpty());
        runCallbacks();
        assertEquals(List.of("ping timeout"), closes);
        assertNull(server.session(session.id()));
    }

    @Test
    void aLookupAtTheDeadlineFindsTheSessionGoneWhileTheTimerIsLate() {
        clock.advanceClockOnly(Duration.ofMillis(500));
        assertNull(server.session(session.id()));
        assertEquals(List.of("ping timeout"), closes);
        clock.advanceMillis(10);
        runCallbacks();
        assertEquals(List.of("ping timeout"), closes, "closed once");
    }

    @Test
    void aPingAfterTheDeadlineGetsNoPong() {
        clock.advanceClockOnly(Duration.ofMillis(500));
        session.onPacket(t, EnginePacket.PING);
        assertEquals(0, t.count(EnginePacketType.PONG));
        clock.advanceMillis(0);
        runCallbacks();
        assertEquals(List.of("ping timeout"), closes);
    }

    @Test
    void aPongFromAV3ClientIsAnInvalidHeartbeatDirection() {
        session.onPacket(t, EnginePacket.PONG);
        assertFalse(session.isOpen());
        assertEquals(List.of("transport error"), closes);
    }

    /** Writes at once and pulls the next batch, as an idle websocket does. */
    private static final class Recording implements Transport {
        final List<EnginePacket> sent = new ArrayList<>();
        EngineSession session;

        int count(EnginePacketType type) {
            return (int) sent.stream().filter(p -> p.type() == type).count();
        }

        @Override
        public String name() {
            return "websocket";
        }

        @Override
        public void send(List<EnginePacket> packets) {
            for (List<EnginePacket> b = packets; b != null; b = session.pollBatch(this)) {
                sent.addAll(b);
            }
        }

        @Override
        public void close() {
        }
    }
}
