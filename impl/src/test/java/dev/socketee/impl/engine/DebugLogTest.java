package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.tck.support.LogCapture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The debug switches: what a line shows (tag not sid, text cut, binary as sizes), and that off costs nothing. */
class DebugLogTest {

    private static final List<DebugLog> ALL = List.of(DebugLog.ENGINE, DebugLog.ENGINE_PACKETS, DebugLog.SIO, DebugLog.SIO_PACKETS);

    private LogCapture capture;
    private final List<Level> saved = new ArrayList<>();
    private final List<EnginePacket> sent = new ArrayList<>();
    private final ManualScheduler time = new ManualScheduler();
    private EngineServer server;
    private EngineSession session;

    @BeforeEach
    void openSession() {
        for (DebugLog d : ALL) {
            saved.add(d.logger().getLevel());
        }
        // on the two parents only: the packet loggers' records reach them too (the names nest)
        capture = LogCapture.of(DebugLog.ENGINE.logger(), DebugLog.SIO.logger());
        server = new EngineServer(EngineIoOptions.builder().build(), c -> { }, EngineThreads.of(time, Runnable::run), false);
        session = server.open(new Transport() {
            @Override
            public String name() {
                return "polling";
            }

            @Override
            public void send(List<EnginePacket> packets) {
                sent.addAll(packets);
            }

            @Override
            public void close() {
            }
        }, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1), 0, null, null));
        session.onWritable(session.currentTransport()); // the open packet goes out
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < ALL.size(); i++) {
            ALL.get(i).logger().setLevel(saved.get(i));
        }
        capture.close();
    }

    private static void level(Level level) {
        for (DebugLog d : ALL) {
            d.logger().setLevel(level);
        }
    }

    @Test
    void namesTheSessionByItsTagAndTheOpenPacketShowsTheTagInsteadOfTheSid() {
        level(Level.FINE);
        EnginePacket open = sent.get(0);
        assertTrue(open.text().contains(session.id()), "the open packet carries the sid");
        DebugLog.ENGINE_PACKETS.packet(session, false, "polling", open);
        DebugLog.ENGINE.event(session, "closed:", "transport close");
        assertEquals("dev.socketee.engine.packets FINE " + session.tag() + " > polling 0" + open.text().replace(session.id(), session.tag()),
                capture.lines().get(0));
        assertEquals("dev.socketee.engine FINE " + session.tag() + " closed: transport close", capture.lines().get(1));
        assertEquals(SessionTag.of(session.id()), session.tag());
        capture.lines().forEach(l -> assertFalse(l.contains(session.id()), l));
    }

    @Test
    void packetLinesShowTheWireFormCutAt200CharsAndBinaryAsSizes() {
        level(Level.FINE);
        String longText = "x".repeat(1000);
        DebugLog.ENGINE_PACKETS.packet(session, true, "websocket", EnginePacket.message("hello"));
        DebugLog.ENGINE_PACKETS.packet(session, true, "websocket", EnginePacket.message(longText));
        DebugLog.ENGINE_PACKETS.packetsOut(session, "polling", List.of(EnginePacket.PING, EnginePacket.binary(new byte[1234])));
        DebugLog.SIO_PACKETS.text(session, true, "2[\"chat\",\"hi\"]");
        DebugLog.SIO_PACKETS.attachment(session, new byte[7]);
        DebugLog.SIO_PACKETS.sioOut(session, List.of(EnginePacket.message("51-[\"file\",{\"_placeholder\":true,\"num\":0}]"),
                EnginePacket.binary(new byte[3])));
        String t = session.tag();
        assertEquals(List.of(
                "dev.socketee.engine.packets FINE " + t + " < websocket 4hello",
                "dev.socketee.engine.packets FINE " + t + " < websocket 4" + "x".repeat(200) + "... (1000 chars)",
                "dev.socketee.engine.packets FINE " + t + " > polling 2",
                "dev.socketee.engine.packets FINE " + t + " > polling binary 1234 bytes",
                "dev.socketee.sio.packets FINE " + t + " < 2[\"chat\",\"hi\"]",
                "dev.socketee.sio.packets FINE " + t + " < attachment 7 bytes",
                "dev.socketee.sio.packets FINE " + t + " > 51-[\"file\",{\"_placeholder\":true,\"num\":0}] + attachment 3 bytes"),
                capture.lines());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(DebugLog.MAX_TEXT - 1) + "\uD83D\uDE00" + "tail";
        assertEquals("a".repeat(DebugLog.MAX_TEXT - 1) + "... (" + text.length() + " chars)", DebugLog.cut(text));
        assertEquals("short", DebugLog.cut("short"));
    }

    @Test
    void socketAndErrorLines() {
        level(Level.FINE);
        DebugLog.SIO.socket(session, "/chat", "sock1", "joined room", "lobby");
        DebugLog.SIO.socket(session, "/chat", "sock1", "connected", null);
        DebugLog.ENGINE.error(session, "websocket", EngineCloseReason.TRANSPORT_CLOSE, new IOException("Connection reset"));
        DebugLog.ENGINE.event(null, "request refused:", EngineError.UNKNOWN_SID);
        String t = session.tag();
        assertEquals(List.of(
                "dev.socketee.sio FINE " + t + " /chat socket sock1 joined room lobby",
                "dev.socketee.sio FINE " + t + " /chat socket sock1 connected",
                "dev.socketee.engine FINE " + t + " websocket failed (java.io.IOException: Connection reset): transport close",
                "dev.socketee.engine FINE s:- request refused: UNKNOWN_SID"), capture.lines());
    }

    @Test
    void theSessionLogsItsHandshakeAndItsCloseWithTheReason() {
        level(Level.FINE);
        capture.clear();
        EngineSession other = server.open(new Transport() {
            @Override
            public String name() {
                return "websocket";
            }

            @Override
            public void send(List<EnginePacket> packets) {
            }

            @Override
            public void close() {
            }
        }, session.handshake());
        other.onClose(EngineCloseReason.PING_TIMEOUT);
        assertTrue(capture.lines().contains("dev.socketee.engine FINE " + other.tag() + " handshake: new session on websocket"), capture.lines().toString());
        assertTrue(capture.lines().contains("dev.socketee.engine FINE " + other.tag() + " closed: ping timeout"), capture.lines().toString());
    }

    @Test
    void theHeartbeatIsLoggedPingPongAndTheTimeout() {
        level(Level.FINE);
        EngineIoOptions o = server.options();
        time.advance(o.pingInterval());
        session.onWritable(session.currentTransport());
        session.onPacket(session.currentTransport(), EnginePacket.PONG);
        time.advance(o.pingInterval());
        time.advance(o.pingTimeout());
        String t = session.tag();
        assertEquals(List.of(
                "dev.socketee.engine FINE " + t + " heartbeat: ping, pong due within (ms) " + o.pingTimeout().toMillis(),
                "dev.socketee.engine FINE " + t + " heartbeat: pong",
                "dev.socketee.engine FINE " + t + " heartbeat: ping, pong due within (ms) " + o.pingTimeout().toMillis(),
                "dev.socketee.engine FINE " + t + " closed: ping timeout"),
                capture.lines().stream().filter(l -> l.startsWith("dev.socketee.engine FINE")).toList());
    }

    @Test
    void switchesNest() {
        for (DebugLog d : ALL) {
            d.logger().setLevel(null);
        }
        Logger root = Logger.getLogger("dev.socketee");
        Level was = root.getLevel();
        try {
            root.setLevel(Level.FINE);
            ALL.forEach(d -> assertTrue(d.isOn(), d.logger().getName()));
            root.setLevel(Level.INFO);
            DebugLog.ENGINE.logger().setLevel(Level.FINE);
            assertTrue(DebugLog.ENGINE_PACKETS.isOn(), "dev.socketee.engine includes its packets");
            assertFalse(DebugLog.SIO.isOn());
        } finally {
            root.setLevel(was);
        }
    }

    /** A detail whose string form would be built if a call did more than check the level. */
    private static final Object TRIPWIRE = new Object() {
        @Override
        public String toString() {
            throw new AssertionError("a line was built while its logger is off");
        }
    };

    @Test
    void offBuildsNoStringAndAllocatesNothing() {
        level(Level.INFO);
        EnginePacket text = EnginePacket.message("4hello");
        List<EnginePacket> batch = List.of(text, EnginePacket.binary(new byte[16]));
        byte[] data = new byte[16];
        IOException error = new IOException("reset");
        Runnable calls = () -> {
            DebugLog.ENGINE.event(session, "closed:", TRIPWIRE);
            DebugLog.ENGINE.event(session, "x", TRIPWIRE, TRIPWIRE);
            DebugLog.ENGINE.event(session, "pong due within (ms)", 123_456_789L);
            DebugLog.ENGINE.error(session, "websocket", EngineCloseReason.TRANSPORT_CLOSE, error);
            DebugLog.ENGINE_PACKETS.packet(session, true, "websocket", text);
            DebugLog.ENGINE_PACKETS.packetsOut(session, "polling", batch);
            DebugLog.SIO.socket(session, "/", "id", "joined room", TRIPWIRE);
            DebugLog.SIO_PACKETS.text(session, false, "2[\"x\"]");
            DebugLog.SIO_PACKETS.attachment(session, data);
            DebugLog.SIO_PACKETS.sioOut(session, batch);
        };
        for (int i = 0; i < 20_000; i++) {
            calls.run(); // warm up
        }
        assertEquals(List.of(), capture.lines(), "nothing is logged, and no TRIPWIRE was turned into a string");
        org.junit.jupiter.api.Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled(), "per-thread allocation counts (HotSpot)");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            calls.run();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // a million calls: one 16-byte object per call would be 16 MB; what is left is the measurement's own
        assertTrue(allocated < 256 * 1024, "allocated " + allocated + " bytes for a million calls while off");
        assertEquals(List.of(), capture.lines());
    }
}
