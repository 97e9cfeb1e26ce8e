package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session's send path with fake transports (no container): every outbound packet goes
 * through the one bounded buffer and reaches a transport only when that transport can take it;
 * the bound counts bytes, including what a transport is still writing and the probe answers; a
 * client PING closes the session as in node's engine.io v4.
 */
class EngineSessionSendTest {

    private final List<String> closeReasons = new CopyOnWriteArrayList<>();
    private EngineServer server;

    private final ManualScheduler clock = new ManualScheduler();

    private EngineSession open(Transport t, long maxBufferedBytes) {
        server = new EngineServer(EngineIoOptions.builder()
                .pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5))
                .maxPayload(100).maxBufferedBytes(maxBufferedBytes).build(), new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                        closeReasons.add(reason);
                    }
                }, EngineThreads.of(clock, Runnable::run), false); // timers advanced by hand, callbacks inline
        return server.open(t, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1),
                System.currentTimeMillis(), null, null));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String text(int bytes) {
        return "x".repeat(bytes);
    }

    @Test
    void aPollingPingClosesTheSessionAndNothingGoesOutsideTheBuffer() {
        FakePolling polling = new FakePolling();
        EngineSession session = open(polling, 1_000_000);
        polling.session = session;
        polling.get(); // takes the open packet
        polling.get(); // parked
        session.onPacket(polling, EnginePacket.PING);
        for (int i = 0; i < 5; i++) {
            session.send(EnginePacket.message("m" + i));
        }
        // the old session answered the PING with a PONG on the parked GET while it still thought
        // the GET was free, and the next batch (these 5 messages) went to a transport without a GET
        assertEquals(List.of(), polling.dropped, "batches handed over without a GET to carry them");
        assertEquals(List.of("transport error"), closeReasons, "node: invalid heartbeat direction");
        assertFalse(session.isOpen());
        assertTrue(polling.closed, "the transport is closed (a parked GET gets the close packet)");
    }

    @Test
    void aWebSocketPingClosesTheSession() {
        HoldingTransport ws = new HoldingTransport("websocket");
        EngineSession session = open(ws, 1_000_000);
        ws.session = session;
        session.onWritable(ws);
        ws.complete();
        session.onPacket(ws, EnginePacket.of(EnginePacketType.PING, text(999)));
        assertEquals(List.of("transport error"), closeReasons);
        assertTrue(ws.closed);
        assertEquals(1, ws.batches.size(), "no pong was written, only the open packet: " + ws.batches);
    }

    @Test
    void theNoopThatFreesAParkedGetDuringAProbeDoesNotLoseTheNextBatch() {
        FakePolling polling = new FakePolling();
        EngineSession session = open(polling, 1_000_000);
        polling.session = session;
        polling.get();
        polling.get(); // parked
        HoldingTransport candidate = new HoldingTransport("websocket");
        candidate.session = session;
        assertTrue(session.onProbe(candidate));
        assertEquals(List.of(List.of(EnginePacket.PONG_PROBE)), candidate.batches, "the probe answer, on the candidate");
        clock.advanceMillis(100); // node's upgrade check
        assertEquals(List.of(EnginePacket.NOOP), polling.lastBody(), "the parked GET is freed with a noop");
        for (int i = 0; i < 5; i++) {
            session.send(EnginePacket.message("m" + i));
        }
        assertEquals(List.of(), polling.dropped);
        polling.get();
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), polling.lastBody().stream().map(EnginePacket::text).toList(),
                "the next GET carries the batch");
    }

    @Test
    void theBoundCountsTheBatchTheTransportIsStillWriting() {
        HoldingTransport ws = new HoldingTransport("websocket");
        EngineSession session = open(ws, 1_000);
        ws.session = session;
        session.onWritable(ws);
        ws.complete(); // the open packet is written: nothing waits now
        session.send(EnginePacket.message(text(600))); // handed to the transport, not completed
        assertEquals(2, ws.batches.size());
        assertTrue(session.isOpen());
        session.send(EnginePacket.message(text(600))); // 600 + 64 in flight + 664 > 1000
        assertEquals(List.of("transport error"), closeReasons, "what the transport still writes counts");
    }

    @Test
    void writtenBatchesNoLongerCount() {
        HoldingTransport ws = new HoldingTransport("websocket");
        EngineSession session = open(ws, 1_000);
        ws.session = session;
        session.onWritable(ws);
        for (int i = 0; i < 50; i++) {
            ws.complete();
            session.send(EnginePacket.message(text(600)));
        }
        assertTrue(session.isOpen(), "a client that reads is never closed: " + closeReasons);
        assertEquals(51, ws.batches.size());
    }

    @Test
    void onePacketLargerThanTheBoundIsSentWhenNothingElseWaits() {
        HoldingTransport ws = new HoldingTransport("websocket");
        EngineSession session = open(ws, 1_000);
        ws.session = session;
        session.onWritable(ws);
        ws.complete();
        session.send(EnginePacket.message(text(5_000)));
        assertTrue(session.isOpen());
        assertEquals(5_000, ws.batches.get(1).get(0).text().length());
    }

    @Test
    void manySmallPacketsAreBoundedByTheirOverhead() {
        HoldingTransport ws = new HoldingTransport("websocket");
        EngineSession session = open(ws, 10_000);
        ws.session = session;
        int sent = 0;
        while (session.isOpen() && sent < 1_000) {
            session.send(EnginePacket.message(""));
            sent++;
        }
        assertFalse(session.isOpen(), "empty packets still cost " + EngineIoOptions.PACKET_OVERHEAD_BYTES + " bytes each");
        assertTrue(sent <= 10_000 / EngineIoOptions.PACKET_OVERHEAD_BYTES + 1, "closed after " + sent);
    }

    @Test
    void probeAnswersCountAgainstTheBound() {
        FakePolling polling = new FakePolling();
        EngineSession session = open(polling, 1_000);
        polling.session = session;
        polling.get();
        HoldingTransport candidate = new HoldingTransport("websocket"); // a client that never reads
        candidate.session = session;
        int probes = 0;
        while (session.isOpen() && probes < 1_000) {
            session.onProbe(candidate);
            probes++;
        }
        assertFalse(session.isOpen(), "repeated probes without reading close the session");
        assertEquals(List.of("transport error"), closeReasons);
        assertEquals(1, candidate.batches.size(), "one answer written, the rest waited in the bound");
    }

    @Test
    void anUpgradeMovesWhatWaitsToTheNewTransportInOrder() {
        FakePolling polling = new FakePolling();
        EngineSession session = open(polling, 1_000_000);
        polling.session = session;
        polling.get();
        HoldingTransport candidate = new HoldingTransport("websocket");
        candidate.session = session;
        session.onProbe(candidate);
        session.onProbe(candidate); // a second answer waits behind the first one being written
        session.send(EnginePacket.message("a"));
        session.send(EnginePacket.message("b"));
        session.onUpgrade(candidate);
        assertEquals(1, candidate.batches.size(), "the candidate is still writing its first answer");
        candidate.complete();
        assertEquals(List.of(EnginePacket.PONG_PROBE, EnginePacket.message("a"), EnginePacket.message("b")),
                candidate.batches.get(1));
        assertTrue(polling.discarded);
    }

    @Test
    void aClosingSessionEndsWhenItsBufferIsWritten() {
        HoldingTransport ws = new HoldingTransport("websocket");
        EngineSession session = open(ws, 1_000_000);
        ws.session = session;
        session.onWritable(ws);
        session.send(EnginePacket.message("last"));
        session.closeAfterFlush(EngineCloseReason.FORCED_CLOSE);
        assertTrue(closeReasons.isEmpty());
        ws.complete(); // the open packet written; "last" goes out
        assertEquals(List.of(EnginePacket.message("last")), ws.batches.get(1));
        ws.complete();
        assertEquals(List.of("forced close"), closeReasons);
    }

    /**
     * A polling client that keeps one GET parked while two threads send: every message arrives
     * once, in the order each thread sent it, and no batch is handed over without a GET.
     */
    @Test
    void concurrentSendsAndPollsLoseNothing() throws Exception {
        ConcurrentPolling polling = new ConcurrentPolling();
        EngineSession session = open(polling, 100_000_000);
        polling.session = session;
        int perThread = 20_000;
        Thread client = new Thread(() -> {
            int received = 0;
            while (received < 2 * perThread + 1 && !Thread.currentThread().isInterrupted()) {
                received += polling.poll().size();
            }
        });
        client.start();
        Thread[] senders = new Thread[2];
        for (int k = 0; k < senders.length; k++) {
            String tag = "t" + k + "-";
            senders[k] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    session.send(EnginePacket.message(tag + i));
                }
            });
            senders[k].start();
        }
        for (Thread t : senders) {
            t.join(30_000);
        }
        client.join(30_000);
        client.interrupt();
        assertEquals(0, polling.dropped.get(), "batches handed over without a GET");
        int[] next = new int[2];
        for (EnginePacket p : polling.received) {
            if (p.type() != EnginePacketType.MESSAGE) {
                continue;
            }
            int k = p.text().charAt(1) - '0';
            assertEquals("t" + k + "-" + next[k], p.text(), "order of thread " + k);
            next[k]++;
        }
        assertEquals(perThread, next[0]);
        assertEquals(perThread, next[1]);
    }

    @Test
    void theDefaultBoundIsFourMebibytesOrTwiceMaxPayload() {
        assertEquals(4L * 1024 * 1024, EngineIoOptions.builder().build().maxBufferedBytes());
        assertEquals(20_000_000L, EngineIoOptions.builder().maxPayload(10_000_000).build().maxBufferedBytes());
        assertEquals(1_000L, EngineIoOptions.builder().maxPayload(10_000_000).maxBufferedBytes(1_000).build().maxBufferedBytes(),
                "an explicit bound is taken as it is");
        assertEquals(Duration.ofSeconds(30), EngineIoOptions.builder().build().closeTimeout(), "node's ws closeTimeout");
    }

    /**
     * A transport that writes a batch and keeps it until the test completes it, then pulls, as
     * the Transport contract says. Records a batch handed over while one is still being written.
     */
    private static final class HoldingTransport implements Transport {
        private final String name;
        volatile EngineSession session;
        final List<List<EnginePacket>> batches = new ArrayList<>();
        boolean writing;
        boolean closed;
        final List<String> violations = new ArrayList<>();

        HoldingTransport(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized void send(List<EnginePacket> packets) {
            if (writing) {
                violations.add("a batch while writing: " + packets);
            }
            writing = true;
            batches.add(packets);
        }

        /** The current batch is written: pull the next one. */
        void complete() {
            synchronized (this) {
                writing = false;
            }
            List<EnginePacket> next = session.pollBatch(this);
            if (next != null) {
                send(next);
            }
            assertEquals(List.of(), violations);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Polling with a real client thread: park a GET, wait for its body, repeat. */
    private static final class ConcurrentPolling implements Transport {
        volatile EngineSession session;
        private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<List<EnginePacket>>> get =
                new java.util.concurrent.atomic.AtomicReference<>();
        final java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
        final List<EnginePacket> received = new ArrayList<>();

        @Override
        public String name() {
            return "polling";
        }

        /** One GET: parked until the session answers it. */
        List<EnginePacket> poll() {
            java.util.concurrent.CompletableFuture<List<EnginePacket>> f = new java.util.concurrent.CompletableFuture<>();
            get.set(f);
            session.onWritable(this);
            try {
                List<EnginePacket> body = f.get(10, java.util.concurrent.TimeUnit.SECONDS);
                received.addAll(body);
                return body;
            } catch (Exception e) {
                throw new AssertionError("GET not answered", e);
            }
        }

        @Override
        public void send(List<EnginePacket> packets) {
            java.util.concurrent.CompletableFuture<List<EnginePacket>> f = get.getAndSet(null);
            if (f == null) {
                dropped.incrementAndGet();
                return;
            }
            f.complete(packets);
        }

        @Override
        public void close() {
        }
    }

    /** Polling: a batch can only be written on a parked GET; one handed over without a GET is lost. */
    private static final class FakePolling implements Transport {
        volatile EngineSession session;
        boolean getParked;
        boolean closed;
        boolean discarded;
        final List<List<EnginePacket>> bodies = new ArrayList<>();
        final List<List<EnginePacket>> dropped = new ArrayList<>();

        @Override
        public String name() {
            return "polling";
        }

        void get() {
            getParked = true;
            session.onWritable(this);
        }

        List<EnginePacket> lastBody() {
            return bodies.get(bodies.size() - 1);
        }

        @Override
        public void send(List<EnginePacket> packets) {
            if (!getParked) {
                dropped.add(packets);
                return;
            }
            getParked = false;
            bodies.add(packets);
        }

        @Override
        public void close() {
            closed = true;
            getParked = false;
        }

        @Override
        public void discard() {
            discarded = true;
            getParked = false;
        }
    }
}
