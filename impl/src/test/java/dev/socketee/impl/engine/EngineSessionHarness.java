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
 * websocket endpoint do (GETs, POSTed payloads, frames, send completions, probe and upgrade,
 * transport close) with time on a {@link ManualScheduler}, and records what the session does,
 * so {@code EngineSessionFuzzTest} can check the invariants after any sequence. Everything that
 * depends on the session, transport and scheduler API is in this file.
 * <p>
 * The fakes keep the transport contract's side: a websocket is idle or writing one batch, and
 * pulls the next with {@code pollBatch} when a send completes; polling writes one batch per
 * GET, and a second GET while one is parked closes the session as the servlet does.
 */
final class EngineSessionHarness implements AutoCloseable {

    static final Set<String> CLOSE_REASONS =
            Arrays.stream(EngineCloseReason.values()).map(EngineCloseReason::wireName).collect(Collectors.toUnmodifiableSet());

    /** The heartbeat and upgrade timing of the conformance app; time moves only when told. */
    static final Duration PING_INTERVAL = Duration.ofMillis(300);
    static final Duration PING_TIMEOUT = Duration.ofMillis(200);
    static final Duration UPGRADE_TIMEOUT = Duration.ofMillis(1000);

    private final List<String> closes = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    /** Index 0 carries the handshake; the others are websockets that tried an upgrade. */
    private final List<FakeTransport> transports = new ArrayList<>();
    private final ManualScheduler time = new ManualScheduler();
    private final EngineServer server;
    private final boolean echo;
    private final EngineSession session;

    private EngineSessionHarness(boolean echo, long maxBufferedBytes, boolean websocketHandshake) {
        this.echo = echo;
        server = new EngineServer(EngineIoOptions.builder().pingInterval(PING_INTERVAL).pingTimeout(PING_TIMEOUT)
                .upgradeTimeout(UPGRADE_TIMEOUT).maxBufferedBytes(maxBufferedBytes).build(), new Listener(),
                EngineThreads.of(time, Runnable::run), false);
        FakeTransport first = new FakeTransport(websocketHandshake ? "websocket" : "polling");
        transports.add(first);
        session = server.open(first, new HandshakeInfo(Map.of(), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), System.currentTimeMillis(), null, null));
        if (websocketHandshake) {
            session.onWritable(first); // the endpoint's onOpen
        }
    }

    /**
     * A new session; {@code echo}: the listener sends every message back; the handshake over
     * polling (a GET must come for the open packet) or over a websocket.
     */
    static EngineSessionHarness open(boolean echo, long maxBufferedBytes, boolean websocketHandshake) {
        return new EngineSessionHarness(echo, maxBufferedBytes, websocketHandshake);
    }

    // ---- what a client and the container can do ---------------------------------------------

    /** Polling: a GET arrives. Websocket: the send in flight completed (the transport pulls). */
    void writable(int transport) {
        FakeTransport t = transport(transport);
        if (t.closed) {
            return; // a dropped transport takes no more requests and completes nothing
        }
        if (t.isPolling()) {
            if (t.parkedGet) {
                session.onClose(EngineCloseReason.TRANSPORT_ERROR); // the servlet: overlapping GET
                return;
            }
            t.writing = false;
            t.parkedGet = true;
            session.onWritable(t);
        } else if (t.writing) {
            List<EnginePacket> next = session.pollBatch(t);
            if (next == null) {
                t.writing = false;
            } else {
                t.check(next);
            }
        }
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

    /** A websocket with this session's sid connects (the start of an upgrade), as the endpoint checks it. */
    void connectWebSocket() {
        if (transports.size() >= 4) {
            return;
        }
        FakeTransport ws = new FakeTransport("websocket");
        transports.add(ws);
        if (!session.isOpen() || !session.acceptsUpgrade()) {
            ws.close(); // "Session ID unknown", or a session already upgraded or probing
        } else {
            ws.probing = true;
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

    /** Time passes: heartbeats, pong deadlines, upgrade and close timeouts fall due. */
    void timePasses(long millis) {
        time.advanceMillis(millis);
    }

    private FakeTransport transport(int index) {
        return transports.get(Math.floorMod(index, transports.size()));
    }

    // ---- what the session did ----------------------------------------------------------------

    /**
     * Ends the session as a vanished client would (every transport closes) and returns every
     * broken invariant: the listener's close not called exactly once with a node reason, the
     * session still registered, a send after the close, on a closed transport, or to a
     * transport that was still writing (or, on polling, without a GET to carry it).
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
    }

    /** Records the listener calls of the session under test; echoes messages when asked. */
    private final class Listener implements EngineIoListener {
        @Override
        public void onOpen(EngineConnection connection) {
        }

        @Override
        public void onMessage(EngineConnection connection, String text) {
            if (echo) {
                connection.send(text);
            }
        }

        @Override
        public void onBinary(EngineConnection connection, byte[] data) {
            if (echo) {
                connection.send(data);
            }
        }

        @Override
        public void onClose(EngineConnection connection, String reason) {
            closes.add(reason);
        }
    }

    /** A transport that only records; the harness plays its container side. */
    private final class FakeTransport implements Transport {
        private final String name;
        boolean probing;
        boolean closed;
        /** A batch was handed over and not yet written (websocket) or answered (polling). */
        boolean writing;
        /** Polling: a GET waits for something to carry. */
        boolean parkedGet;

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
            if (isPolling() ? !parkedGet : writing) {
                violations.add("sent " + packets + " on " + name + (isPolling() ? " without a GET to carry it" : " while writing"));
            }
            check(packets);
            parkedGet = false;
            writing = true;
        }

        /** A batch reaches the wire (handed over, or pulled by the transport's own loop). */
        void check(List<EnginePacket> packets) {
            if (!closes.isEmpty() || session != null && session.state() == EngineSession.State.CLOSED) {
                violations.add("sent " + packets + " on " + name + " after the session closed");
            } else if (closed) {
                violations.add("sent " + packets + " on a " + name + " transport already closed or discarded");
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
