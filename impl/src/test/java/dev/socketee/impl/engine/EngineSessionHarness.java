package dev.socketee.impl.engine;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketCodec;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import dev.socketee.impl.protocol.engine.PollingPayloadCodec;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drives one {@link EngineSession} through fake transports the way the servlet and the
 * websocket endpoint do (GETs, POSTed payloads, frames, probe and upgrade, transport close,
 * timeouts) and records what the session does, so {@code EngineSessionFuzzTest} can check the
 * invariants after any sequence. Everything that depends on today's session, transport and
 * timer API is in this file, so adapting to a new send path or scheduler stays local.
 * <p>
 * Timeouts are fired by hand: the server runs with hour-long timers, so the wheel never fires
 * on its own during a run, and {@link #fireHeartbeat()} / {@link #fireUpgradeTimeout()} call the
 * session's own timeout objects (reached by reflection until the scheduler has a test seam).
 */
final class EngineSessionHarness implements AutoCloseable {

    static final Set<String> CLOSE_REASONS =
            Arrays.stream(EngineCloseReason.values()).map(EngineCloseReason::wireName).collect(Collectors.toUnmodifiableSet());

    private static final Duration NEVER = Duration.ofHours(1);
    private static volatile EngineSessionHarness current;
    private static EngineServer server;
    private static int serverBufferLimit;

    private final List<String> closes = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    /** Index 0 is the polling transport of the handshake, the others websockets that tried an upgrade. */
    private final List<FakeTransport> transports = new ArrayList<>();
    private final boolean echo;
    private final EngineSession session;

    private EngineSessionHarness(boolean echo, int maxBufferedPackets) {
        this.echo = echo;
        current = this;
        FakeTransport polling = new FakeTransport("polling");
        transports.add(polling);
        session = server(maxBufferedPackets).open(polling, new HandshakeInfo(Map.of(), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), System.currentTimeMillis(), null, null));
    }

    /** A new session on a polling transport; {@code echo}: the listener sends every message back. */
    static EngineSessionHarness open(boolean echo, int maxBufferedPackets) {
        return new EngineSessionHarness(echo, maxBufferedPackets);
    }

    private static synchronized EngineServer server(int maxBufferedPackets) {
        if (server == null || serverBufferLimit != maxBufferedPackets) {
            if (server != null) {
                server.close();
            }
            server = new EngineServer(EngineIoOptions.builder().pingInterval(NEVER).pingTimeout(NEVER).upgradeTimeout(NEVER)
                    .maxBufferedPackets(maxBufferedPackets).build(), new Listener());
            serverBufferLimit = maxBufferedPackets;
        }
        return server;
    }

    // ---- what a client and the container can do ---------------------------------------------

    /** A GET arrives on polling, or a websocket send completed: the transport can write. */
    void writable(int transport) {
        FakeTransport t = transport(transport);
        if (t.closed) {
            return; // a GET on a dropped transport is refused before it reaches the session
        }
        t.inFlight = false;
        session.onWritable(t);
    }

    /** A text frame on a websocket, or a POSTed payload on polling, handled as the transports do. */
    void clientText(int transport, String text) {
        FakeTransport t = transport(transport);
        if (t.closed) {
            return; // a closed connection delivers nothing more
        }
        if (t.isPolling()) {
            List<EnginePacket> packets;
            try {
                packets = new PollingPayloadCodec(16).decode(text);
            } catch (ProtocolException e) {
                session.onClose(EngineCloseReason.PARSE_ERROR);
                return;
            }
            for (EnginePacket p : packets) {
                session.onPacket(t, p);
            }
            return;
        }
        EnginePacket packet;
        try {
            packet = EnginePacketCodec.decodeText(text);
        } catch (ProtocolException e) {
            if (t.probing) {
                t.close();
            } else {
                session.onClose(EngineCloseReason.PARSE_ERROR);
            }
            return;
        }
        if (t.probing) {
            onUpgradePacket(t, packet);
        } else {
            session.onPacket(t, packet);
        }
    }

    /** A binary frame on a websocket (on polling binary arrives base64 in a text payload). */
    void clientBinary(int transport, byte[] data) {
        FakeTransport t = transport(transport);
        if (t.closed || t.isPolling()) {
            return;
        }
        if (t.probing) {
            t.close();
        } else {
            session.onPacket(t, EnginePacketCodec.decodeBinary(data));
        }
    }

    private void onUpgradePacket(FakeTransport t, EnginePacket packet) {
        if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
            if (!session.onProbe(t)) {
                t.close();
            }
        } else if (packet.type() == EnginePacketType.UPGRADE && session.isUpgrading(t)) {
            t.probing = false;
            session.onUpgrade(t);
        } else {
            t.close();
        }
    }

    /** A websocket with this session's sid connects (the start of an upgrade). */
    void connectWebSocket() {
        if (transports.size() >= 4) {
            return;
        }
        FakeTransport ws = new FakeTransport("websocket");
        ws.probing = true;
        transports.add(ws);
        if (!session.isOpen()) {
            ws.close(); // "Session ID unknown"
        }
    }

    /** The connection of a transport went away (RST, close frame, failed request). */
    void transportClosed(int transport, boolean error) {
        FakeTransport t = transport(transport);
        t.closed = true;
        session.onTransportClosed(t, error ? EngineCloseReason.TRANSPORT_ERROR : EngineCloseReason.TRANSPORT_CLOSE);
    }

    void serverSends(String text) {
        session.send(text);
    }

    void serverSendsBinary(byte[] data) {
        session.send(data);
    }

    void serverCloses() {
        session.close();
    }

    void fireHeartbeat() {
        expire("heartbeat");
    }

    void fireUpgradeTimeout() {
        expire("upgradeTimeout");
    }

    private FakeTransport transport(int index) {
        return transports.get(Math.floorMod(index, transports.size()));
    }

    // ---- what the session did ----------------------------------------------------------------

    /**
     * Ends the session as a vanished client would (every transport closes) and returns every
     * broken invariant: the listener's close not called exactly once with a node reason, the
     * session still registered, a send after the close, on a closed transport, or while the
     * transport's previous send is in flight.
     */
    List<String> finish() {
        for (int i = 0; i < transports.size(); i++) {
            transportClosed(i, false);
        }
        session.onClose(EngineCloseReason.TRANSPORT_CLOSE); // in case no transport was current any more
        List<String> broken = new ArrayList<>(violations);
        if (closes.size() != 1) {
            broken.add("listener onClose called " + closes.size() + " times: " + closes);
        } else if (!CLOSE_REASONS.contains(closes.get(0))) {
            broken.add("unknown close reason " + closes.get(0));
        }
        if (server.session(session.id()) != null) {
            broken.add("session still registered after its close");
        }
        return broken;
    }

    @Override
    public void close() {
        session.onClose(EngineCloseReason.FORCED_CLOSE);
        current = null;
    }

    private static void expire(EngineSession session, String field) {
        try {
            Object timeout = TIMEOUT_FIELDS.get(field).get(session);
            EXPIRE.invoke(timeout);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void expire(String field) {
        expire(session, field);
    }

    private static final Map<String, Field> TIMEOUT_FIELDS = timeoutFields();
    private static final Method EXPIRE = expireMethod();

    private static Map<String, Field> timeoutFields() {
        try {
            Field heartbeat = EngineSession.class.getDeclaredField("heartbeat");
            Field upgradeTimeout = EngineSession.class.getDeclaredField("upgradeTimeout");
            heartbeat.setAccessible(true);
            upgradeTimeout.setAccessible(true);
            return Map.of("heartbeat", heartbeat, "upgradeTimeout", upgradeTimeout);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Method expireMethod() {
        try {
            Method m = TimerWheel.Timeout.class.getDeclaredMethod("expire");
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Records the listener calls of the session under test; echoes messages when asked. */
    private static final class Listener implements EngineIoListener {
        @Override
        public void onOpen(EngineConnection connection) {
        }

        @Override
        public void onMessage(EngineConnection connection, String text) {
            EngineSessionHarness h = current;
            if (h != null && h.echo) {
                connection.send(text);
            }
        }

        @Override
        public void onBinary(EngineConnection connection, byte[] data) {
            EngineSessionHarness h = current;
            if (h != null && h.echo) {
                connection.send(data);
            }
        }

        @Override
        public void onClose(EngineConnection connection, String reason) {
            EngineSessionHarness h = current;
            if (h != null && h.session == connection) {
                h.closes.add(reason);
            }
        }
    }

    /**
     * Found by this fuzzer on today's session: the answer to a client PING is sent on the
     * transport it came from, outside the buffer and whatever the state. So the payload
     * {@code "1\u001e2x"} (close, then a ping) sends a PONG after the session closed, and a
     * {@code "2"} POSTed while a GET is parked answers that GET although the session still takes
     * it as writable, so its next batch is sent while a send is in flight (issue 10 items 3 and
     * 15; node v4 closes the session on a client PING instead). PONGs are not checked until
     * helper "send" changes that path; then set this to false. {@link #checkingPingAnswers()}
     * checks them for one harness ({@code EngineSessionFindingsTest}).
     */
    private static final boolean TOLERATE_CLIENT_PING_ANSWERS = true;
    private boolean checkPingAnswers;

    /** Checks the answers to client PINGs too, whatever {@code TOLERATE_CLIENT_PING_ANSWERS} says. */
    EngineSessionHarness checkingPingAnswers() {
        checkPingAnswers = true;
        return this;
    }

    private static boolean isPong(List<EnginePacket> packets) {
        return packets.size() == 1 && packets.get(0).type() == EnginePacketType.PONG;
    }

    /** A transport that only records; the harness plays its container side. */
    private final class FakeTransport implements Transport {
        private final String name;
        boolean probing;
        boolean closed;
        boolean inFlight;

        FakeTransport(String name) {
            this.name = name;
        }

        boolean isPolling() {
            return "polling".equals(name);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(List<EnginePacket> packets) {
            if (TOLERATE_CLIENT_PING_ANSWERS && !checkPingAnswers && isPong(packets)) {
                return;
            }
            if (!closes.isEmpty() || session != null && session.state() == EngineSession.State.CLOSED) {
                violations.add("sent " + packets + " on " + name + " after the session closed");
            } else if (closed) {
                violations.add("sent " + packets + " on a " + name + " transport already closed or discarded");
            } else if (inFlight) {
                violations.add("sent " + packets + " on " + name + " while a send was in flight");
            }
            inFlight = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
