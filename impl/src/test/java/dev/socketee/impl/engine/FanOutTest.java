package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketCodec;
import dev.socketee.impl.protocol.engine.v3.Eio3Wire;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broadcast's writes: each target's packets queue in call order on the broadcasting thread,
 * the writes of idle transports go to the writer threads in chunks (the last chunk is written by
 * the broadcaster), every target gets the same packet and the same frame String, and nothing
 * written directly to a socket overtakes a broadcast queued before it.
 */
class FanOutTest {

    /** Writer tasks, run only when the test says. */
    private final ArrayDeque<Runnable> writerTasks = new ArrayDeque<>();
    private EngineServer server;

    private List<Idle> open(int n) {
        server = new EngineServer(EngineIoOptions.builder().pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5)).build(),
                new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                    }
                }, EngineThreads.of(new ManualScheduler(), Runnable::run, writerTasks::add), false);
        List<Idle> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Idle t = new Idle();
            t.session = server.open(t, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1),
                    System.currentTimeMillis(), null, null));
            t.session.onWritable(t); // writes the open packet and goes idle
            t.drain();
            t.frames.clear();
            all.add(t);
        }
        return all;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void writesOfIdleTargetsGoToTheWritersInChunksAndTheLastChunkIsWrittenByTheBroadcaster() {
        int n = FanOut.CHUNK * 2 + 5;
        List<Idle> targets = open(n);
        EnginePacket one = EnginePacket.message("2[\"news\",1]");
        server.fanOut(() -> targets.forEach(t -> t.session.send(one)));

        assertEquals(2, writerTasks.size()); // two full chunks handed over
        long writtenHere = targets.stream().filter(t -> !t.frames.isEmpty()).count();
        assertEquals(5, writtenHere); // the remainder, on this thread
        writerTasks.forEach(Runnable::run);
        String frame = targets.get(0).frames.get(0);
        for (Idle t : targets) {
            assertEquals(List.of("42[\"news\",1]"), t.frames);
            assertSame(frame, t.frames.get(0), "one frame String for every receiver");
        }
    }

    @Test
    void perSocketOrderHoldsAcrossBroadcastsAndDirectSends() {
        List<Idle> targets = open(FanOut.CHUNK);
        EnginePacket first = EnginePacket.message("first");
        EnginePacket second = EnginePacket.message("second");
        server.fanOut(() -> targets.forEach(t -> t.session.send(first))); // one full chunk: not written yet
        targets.get(3).session.send(EnginePacket.message("direct")); // queued behind it
        server.fanOut(() -> targets.forEach(t -> t.session.send(second)));
        assertTrue(targets.stream().allMatch(t -> t.frames.isEmpty()));

        while (!writerTasks.isEmpty()) {
            writerTasks.poll().run();
        }
        for (Idle t : targets) {
            t.drain();
        }
        assertEquals(List.of("4first", "4direct", "4second"), targets.get(3).frames);
        assertEquals(List.of("4first", "4second"), targets.get(0).frames);
    }

    @Test
    void aTextPacketHasOneFrameForBothProtocolRevisions() {
        EnginePacket p = EnginePacket.message("2[\"x\"]");
        assertSame(EnginePacketCodec.encodeText(p), EnginePacketCodec.encodeText(p));
        assertSame(EnginePacketCodec.encodeText(p), Eio3Wire.BINARY.textFrame(p));
    }

    /** A websocket whose sends complete when the test says ({@link #drain}); frames as the v4 wire writes them. */
    private static final class Idle implements Transport {
        EngineSession session;
        final List<String> frames = new ArrayList<>();
        private boolean writing;

        @Override
        public String name() {
            return "websocket";
        }

        @Override
        public void send(List<EnginePacket> packets) {
            assertTrue(!writing, "a batch while writing");
            writing = true;
            for (EnginePacket p : packets) {
                frames.add(EnginePacketCodec.encodeText(p));
            }
        }

        /** The batch in flight is written: pull until nothing is left. */
        void drain() {
            while (writing) {
                writing = false;
                List<EnginePacket> next = session.pollBatch(this);
                if (next != null) {
                    send(next);
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
