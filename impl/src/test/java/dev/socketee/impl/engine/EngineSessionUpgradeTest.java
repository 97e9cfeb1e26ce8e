package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session's upgrade and close logic against fake transports (no servlet container): the
 * probe, the switch, a second candidate, the upgrade timeout, closes during an upgrade, the
 * client's close packet, and what a parked GET gets in each case. A fake polling transport
 * "parks a GET" by telling the session it is writable, as the real one does.
 */
class EngineSessionUpgradeTest {

    private static final HandshakeInfo HANDSHAKE = new HandshakeInfo(Map.of(), Map.of(),
            InetSocketAddress.createUnresolved("127.0.0.1", 1), 0L, null, null);

    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final ManualScheduler clock = new ManualScheduler();
    private EngineServer server;
    private volatile EngineSession session;

    private EngineSession open(FakeTransport polling, Duration upgradeTimeout) {
        server = new EngineServer(EngineIoOptions.builder()
                .pingInterval(Duration.ofSeconds(30)).pingTimeout(Duration.ofSeconds(30))
                .upgradeTimeout(upgradeTimeout).build(), new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection connection) {
                    }

                    @Override
                    public void onClose(EngineConnection connection, String reason) {
                        closeReason.complete(reason);
                    }
                }, EngineThreads.of(clock, Runnable::run), false);
        EngineSession session = server.open(polling, HANDSHAKE);
        this.session = session;
        session.onWritable(polling); // the handshake GET takes the open packet
        assertEquals(EnginePacketType.OPEN, polling.takeSent().get(0).type());
        return session;
    }

    private EngineSession open(FakeTransport polling) {
        return open(polling, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void probeIsAnsweredOnTheCandidateAndTheParkedGetGetsANoopAtTheFirstCheck() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        session.onWritable(polling); // a GET parked

        assertTrue(session.onProbe(ws));

        assertEquals(List.of(EnginePacket.PONG_PROBE), ws.takeSent());
        assertEquals(List.of(), polling.takeSent(), "as in node, not at once: a client may send 5 without waiting for it");
        clock.advanceMillis(100);
        assertEquals(List.of(EnginePacket.NOOP), polling.takeSent(), "node's upgrade check");
        assertTrue(session.isUpgrading(ws));
        assertFalse(session.acceptsUpgrade(), "one candidate at a time");
        assertSame(polling, session.currentTransport(), "polling carries the session until the 5");
    }

    @Test
    void aGetDuringTheProbeWaitsForTheNextCheckThenGetsANoop() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));

        clock.advanceMillis(30);
        session.onWritable(polling); // a GET arrives while the websocket probes
        assertEquals(List.of(), polling.takeSent(), "not answered at once: it may be one that raced the 5");

        clock.advanceMillis(69);
        assertEquals(List.of(), polling.takeSent());
        clock.advanceMillis(1);
        assertEquals(List.of(EnginePacket.NOOP), polling.takeSent(), "node's check, 100 ms after the probe");
        session.onWritable(polling);
        clock.advanceMillis(100);
        assertEquals(List.of(EnginePacket.NOOP), polling.takeSent(), "and every 100 ms");
    }

    @Test
    void aGetDuringTheProbeCarriesWhatIsBuffered() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));
        session.send("queued while probing");

        session.onWritable(polling);

        assertEquals(List.of(EnginePacket.message("queued while probing")), polling.takeSent());
    }

    @Test
    void upgradeSwitchesTransportsDiscardsPollingAndFlushesTheBufferOntoTheWebsocket() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));
        ws.takeSent();
        session.send("a");
        session.send("b");

        session.onUpgrade(ws);

        assertSame(ws, session.currentTransport());
        assertEquals("websocket", session.transport());
        assertFalse(session.isUpgrading(ws));
        assertFalse(session.acceptsUpgrade());
        assertEquals(1, polling.discards, "polling is discarded, not closed");
        assertEquals(0, polling.closes);
        assertEquals(List.of(EnginePacket.message("a"), EnginePacket.message("b")), ws.takeSent());
        assertTrue(session.isOpen());
    }

    @Test
    void aGetParkedWhenTheUpgradeArrivesIsLeftToTheDiscard() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));
        ws.takeSent();
        session.onWritable(polling); // parked, the check has not run yet

        session.onUpgrade(ws);

        assertEquals(List.of(), polling.takeSent(), "the session sends nothing more on polling");
        assertEquals(1, polling.discards, "the discard answers the GET (the real transport: 400, as node answers a poll after the 5)");
        session.onWritable(polling);
        session.send("after");
        assertEquals(List.of(), polling.takeSent(), "a late GET on the old transport carries nothing");
        assertEquals(List.of(EnginePacket.message("after")), ws.takeSent());
    }

    @Test
    void aSecondCandidateIsRefusedWhileAProbeRuns() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport first = new FakeTransport("websocket");
        FakeTransport second = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(first));

        assertFalse(session.onProbe(second));
        session.onUpgrade(second); // a 5 from the refused one changes nothing

        assertTrue(session.isUpgrading(first));
        assertFalse(session.isUpgrading(second));
        assertSame(polling, session.currentTransport());
        assertEquals(List.of(), second.takeSent());
        assertTrue(session.onProbe(first), "the running candidate may probe again");
    }

    @Test
    void aProbeThatNeverUpgradesIsDroppedAfterTheUpgradeTimeoutAndTheSessionGoesOn() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling, Duration.ofMillis(250));
        assertTrue(session.onProbe(ws));

        clock.advanceMillis(249);
        assertEquals(0, ws.closes);
        clock.advanceMillis(1);
        assertEquals(1, ws.closes, "the candidate is closed at the upgrade timeout");

        assertFalse(session.isUpgrading(ws));
        assertTrue(session.acceptsUpgrade(), "a new probe may start");
        assertTrue(session.isOpen());
        assertSame(polling, session.currentTransport());
        session.onUpgrade(ws); // too late
        assertSame(polling, session.currentTransport());
    }

    @Test
    void aRepeatedProbeDoesNotExtendTheUpgradeTimeout() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling, Duration.ofMillis(250));
        assertTrue(session.onProbe(ws));
        clock.advanceMillis(200);

        assertTrue(session.onProbe(ws));
        assertEquals(List.of(EnginePacket.PONG_PROBE, EnginePacket.PONG_PROBE), ws.takeSent(), "each probe is answered");

        clock.advanceMillis(100);
        assertEquals(1, ws.closes, "node's upgrade timeout runs from the first probe");
    }

    @Test
    void aCandidateThatFailsEndsOnlyTheProbe() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));

        session.onTransportClosed(ws, EngineCloseReason.TRANSPORT_ERROR);

        assertTrue(session.isOpen());
        assertTrue(session.acceptsUpgrade());
        assertFalse(closeReason.isDone());
        session.onWritable(polling);
        clock.advanceMillis(1000);
        assertEquals(List.of(), polling.takeSent(), "no more upgrade checks: the GET waits for data or the ping");
    }

    @Test
    void closeDuringTheUpgradeClosesBothTransportsOnce() throws Exception {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));

        session.onClose(EngineCloseReason.PING_TIMEOUT);
        session.onClose(EngineCloseReason.TRANSPORT_ERROR);

        assertEquals("ping timeout", closeReason.get(1, TimeUnit.SECONDS));
        assertEquals(1, polling.closes);
        assertEquals(1, ws.closes);
        assertFalse(session.onProbe(ws));
        session.onUpgrade(ws);
        assertSame(polling, session.currentTransport(), "a closed session does not upgrade");
        assertEquals(null, server.session(session.id()));
    }

    @Test
    void closeWhileAGetIsParkedClosesThePollingTransport() throws Exception {
        FakeTransport polling = new FakeTransport("polling");
        EngineSession session = open(polling);
        session.onWritable(polling);

        session.onClose(EngineCloseReason.FORCED_CLOSE);

        assertEquals("forced close", closeReason.get(1, TimeUnit.SECONDS));
        assertEquals(1, polling.closes, "the transport answers its parked GET (the real one: a close packet)");
        assertEquals(List.of(), polling.takeSent());
    }

    @Test
    void aForcedCloseWhileProbingIsCompletedAfterTheUpgrade() throws Exception {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));
        ws.takeSent();
        session.send("last words");

        session.close(); // closing: what is queued must still reach the client

        session.onUpgrade(ws); // the websocket writes it and pulls again: nothing left, the close completes
        assertEquals(List.of(EnginePacket.message("last words")), ws.takeSent());
        assertEquals("forced close", closeReason.get(1, TimeUnit.SECONDS));
        assertEquals(1, ws.closes);
    }

    @Test
    void clientClosePacketOnTheWebsocketClosesTheSession() throws Exception {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));
        session.onUpgrade(ws);

        session.onPacket(ws, EnginePacket.CLOSE);

        assertEquals("transport close", closeReason.get(1, TimeUnit.SECONDS));
        assertFalse(session.isOpen());
        assertEquals(1, ws.closes);
    }

    @Test
    void clientClosePacketOnPollingIsTheTransportClosingItself() throws Exception {
        // the polling transport answers its own GET with a noop (PollingTransportTest), then reports this
        FakeTransport polling = new FakeTransport("polling");
        EngineSession session = open(polling);

        session.onTransportClosed(polling, EngineCloseReason.TRANSPORT_CLOSE);

        assertEquals("transport close", closeReason.get(1, TimeUnit.SECONDS));
        assertEquals(null, server.session(session.id()));
    }

    @Test
    void theOldTransportClosingAfterTheUpgradeDoesNotCloseTheSession() {
        FakeTransport polling = new FakeTransport("polling");
        FakeTransport ws = new FakeTransport("websocket");
        EngineSession session = open(polling);
        assertTrue(session.onProbe(ws));
        session.onUpgrade(ws);

        session.onTransportClosed(polling, EngineCloseReason.TRANSPORT_ERROR); // e.g. its GET's connection dropped

        assertTrue(session.isOpen());
        assertSame(ws, session.currentTransport());
    }

    /**
     * Records what the session sends and how it ends the transport. The polling one takes one
     * batch per GET (the test says when a GET arrives); the websocket one writes every batch at
     * once and pulls the next, in a loop, as a websocket whose sends complete inline.
     */
    private final class FakeTransport implements Transport {
        private final String name;
        private final List<EnginePacket> sent = new ArrayList<>();
        volatile int closes;
        volatile int discards;

        FakeTransport(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        private EngineSession session() {
            return session;
        }

        @Override
        public void send(List<EnginePacket> packets) {
            for (List<EnginePacket> batch = packets; batch != null; batch = name.equals("websocket") ? session().pollBatch(this) : null) {
                synchronized (this) {
                    sent.addAll(batch);
                }
            }
        }

        synchronized List<EnginePacket> takeSent() {
            List<EnginePacket> copy = new ArrayList<>(sent);
            sent.clear();
            return copy;
        }

        @Override
        public void close() {
            closes++;
        }

        @Override
        public void discard() {
            discards++;
        }
    }
}
