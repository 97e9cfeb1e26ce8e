package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.engine.HeartbeatFixture.RecordingTransport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO v3 heartbeat on a manual clock (pingInterval 300, pingTimeout 200): the server
 * never pings, it answers each client ping with a pong; no ping within 500 ms (node's v3
 * timeout, pingInterval + pingTimeout) closes the session with "ping timeout" on the callback
 * executor; a pong from a v3 client is a transport error ("invalid heartbeat direction").
 */
class ClientHeartbeatTest {

    private final HeartbeatFixture f = new HeartbeatFixture(true);
    private final ManualScheduler clock = f.clock;
    private final EngineServer server = f.server;
    private final List<String> closes = f.closes;
    private final ArrayDeque<Runnable> callbacks = f.callbacks;
    private final RecordingTransport t = new RecordingTransport(false);
    private final EngineSession session = f.open(t, 3);

    private void runCallbacks() {
        f.runCallbacks();
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
}
