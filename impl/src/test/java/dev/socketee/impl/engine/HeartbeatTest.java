package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.HeartbeatFixture.RecordingTransport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat on a manual clock (pingInterval 300, pingTimeout 200): pings every interval,
 * a pong restarts it, no pong closes the session at exactly interval + timeout, a lookup at the
 * deadline finds the session gone even when the timer is late, and the close runs on the
 * callback executor, never on the timer's engine pool.
 */
class HeartbeatTest {

    private final HeartbeatFixture f = new HeartbeatFixture(false);
    private final ManualScheduler clock = f.clock;
    private final EngineServer server = f.server;
    private final List<String> closes = f.closes;
    /** Callbacks are queued here and run when the test says: shows what is handed over. */
    private final ArrayDeque<Runnable> callbacks = f.callbacks;

    private EngineSession open(RecordingTransport transport) {
        return f.open(transport, 4);
    }

    private void runCallbacks() {
        f.runCallbacks();
    }

    @Test
    void pingsEveryIntervalWhileTheClientPongs() {
        RecordingTransport t = new RecordingTransport(false);
        EngineSession session = open(t);
        clock.advanceMillis(299);
        assertEquals(0, t.count(EnginePacketType.PING), "no ping before pingInterval");
        clock.advanceMillis(1);
        assertEquals(1, t.count(EnginePacketType.PING), "ping at pingInterval");
        clock.advanceMillis(150);
        session.onPacket(t, EnginePacket.PONG);
        clock.advanceMillis(299);
        assertEquals(1, t.count(EnginePacketType.PING), "the pong restarts the interval");
        clock.advanceMillis(1);
        assertEquals(2, t.count(EnginePacketType.PING), "next ping pingInterval after the pong");
        assertTrue(session.isOpen());
        assertTrue(callbacks.isEmpty() && closes.isEmpty(), "nothing for user code");
    }

    /** A pong that arrives inside the ping's send must re-arm the full interval, not be overwritten by the pong deadline. */
    @Test
    void pongDuringThePingsSendKeepsTheFullPingInterval() {
        RecordingTransport t = new RecordingTransport(true);
        EngineSession session = open(t);
        for (int k = 1; k <= 4; k++) {
            clock.advanceMillis(299);
            assertEquals(k - 1, t.count(EnginePacketType.PING), "ping " + k + " early");
            clock.advanceMillis(1);
            assertEquals(k, t.count(EnginePacketType.PING), "ping " + k + " at its interval");
        }
        assertTrue(session.isOpen(), "answered pings keep the session open");
    }

    @Test
    void noPongClosesAtExactlyPingIntervalPlusPingTimeoutOnTheCallbackExecutor() {
        RecordingTransport t = new RecordingTransport(false);
        EngineSession session = open(t);
        clock.advanceMillis(300);
        assertEquals(1, t.count(EnginePacketType.PING));
        clock.advanceMillis(199);
        assertTrue(session.isOpen() && callbacks.isEmpty(), "open until the deadline");
        assertSame(session, server.session(session.id()));
        clock.advanceMillis(1);
        assertEquals(1, callbacks.size(), "the close is handed to the callback executor");
        assertTrue(closes.isEmpty(), "and not run on the timer's engine pool");
        runCallbacks();
        assertEquals(List.of("ping timeout"), closes);
        assertFalse(session.isOpen());
        assertNull(server.session(session.id()));
        assertTrue(t.isClosed());
    }

    @Test
    void aLookupAtTheDeadlineFindsTheSessionGoneWhileTheTimerIsLate() {
        RecordingTransport t = new RecordingTransport(false);
        EngineSession session = open(t);
        clock.advanceMillis(300);
        clock.advanceClockOnly(Duration.ofMillis(199));
        assertSame(session, server.session(session.id()), "alive 1 ms before the deadline");
        clock.advanceClockOnly(Duration.ofMillis(1));
        assertNull(server.session(session.id()), "gone at the deadline, timer or not");
        assertEquals(List.of("ping timeout"), closes, "closed by the lookup, on its thread");
        clock.advanceMillis(10);
        runCallbacks();
        assertEquals(List.of("ping timeout"), closes, "closed once");
    }

    /** The pong deadline counts from when the ping was due, not from when a late timer sent it. */
    @Test
    void aLatePingDoesNotMoveThePongDeadline() {
        RecordingTransport t = new RecordingTransport(false);
        EngineSession session = open(t);
        clock.advanceClockOnly(Duration.ofMillis(340)); // the timer is 40 ms late
        clock.advanceMillis(0);
        assertEquals(1, t.count(EnginePacketType.PING));
        clock.advanceMillis(159);
        assertTrue(session.isOpen());
        clock.advanceMillis(1);
        runCallbacks();
        assertEquals(List.of("ping timeout"), closes, "closed 500 ms after the handshake");
    }

    @Test
    void aPongAfterTheDeadlineIsTooLate() {
        RecordingTransport t = new RecordingTransport(false);
        EngineSession session = open(t);
        clock.advanceMillis(300);
        clock.advanceClockOnly(Duration.ofMillis(200));
        assertNull(server.session(session.id()), "the pong's POST looks the session up first");
        session.onPacket(t, EnginePacket.PONG);
        assertFalse(session.isOpen());
    }

    @Test
    void aWebSocketPongAfterTheDeadlineDoesNotSaveTheSession() {
        RecordingTransport t = new RecordingTransport(false);
        EngineSession session = open(t);
        clock.advanceMillis(300);
        clock.advanceClockOnly(Duration.ofMillis(200)); // the timer is late; the pong arrives first
        session.onPacket(t, EnginePacket.PONG);
        clock.advanceMillis(0);
        runCallbacks();
        assertEquals(List.of("ping timeout"), closes);
    }

    /** A ping that would overflow the outbound bound closes the slow client on the callback executor, not on the engine pool. */
    @Test
    void aPingThatOverflowsTheBufferClosesOnTheCallbackExecutor() {
        RecordingTransport t = new RecordingTransport(false);
        t.stalled = true;
        EngineSession session = open(t); // the open packet is in hand and never written
        long roomBesidesAPing = server.options().maxBufferedBytes() - Outbox.sizeOf(t.inHand) - Outbox.sizeOf(EnginePacket.PING);
        session.send(EnginePacket.message("x".repeat((int) (roomBesidesAPing - EngineIoOptions.PACKET_OVERHEAD_BYTES + 1))));
        assertTrue(session.isOpen(), "the message fits");
        clock.advanceMillis(300);
        assertTrue(session.isOpen() && closes.isEmpty(), "not closed on the timer's engine pool");
        assertEquals(1, callbacks.size());
        runCallbacks();
        assertEquals(List.of("transport error"), closes);
    }
}
