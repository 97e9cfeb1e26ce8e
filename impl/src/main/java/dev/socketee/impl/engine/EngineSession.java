package dev.socketee.impl.engine;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Engine.IO session (node's engine.io {@code Socket}): its state, the one outbound buffer
 * (bounded in bytes, pulled by the transport), the current transport and the upgrade to a
 * second one, the heartbeat. The lock is the instance monitor, held only to change state or
 * move packets, never across I/O or callbacks.
 */
public final class EngineSession implements EngineConnection {

    private static final Logger LOG = Logger.getLogger(EngineSession.class.getName());
    /** Slow clients are the client's doing: throttled, so many of them cannot flood the log. */
    private static final ThrottledLog SLOW_CLIENTS = new ThrottledLog(LOG, Level.WARNING);

    enum State { OPEN, CLOSING, CLOSED }

    private final String id;
    private final EngineServer server;
    private final HandshakeInfo handshake;
    /** What waits for the current transport; busy until its first pull (the first GET, the websocket's open). */
    private final Outbox out;
    /**
     * What waits for the probing candidate (its probe answers), from {@link #claimUpgrade} until the
     * switch; null before (a session that never upgrades never has one).
     */
    private Outbox probeOut;
    /** v4's server-driven heartbeat; in v3 only the close deadline of closeAfterFlush. */
    private final Heartbeat heartbeat = new Heartbeat();
    /** v3's client-driven heartbeat; null for v4. */
    private final ClientHeartbeat clientHeartbeat;
    private final int protocol;
    private final UpgradeCheck upgradeCheck = new UpgradeCheck();

    private State state = State.OPEN;
    private Transport transport;
    private Transport upgrading;
    private volatile Object attachment;
    /** What log lines call this session instead of its sid; made on the first line logged. */
    private volatile String tag;

    EngineSession(String id, EngineServer server, Transport transport, HandshakeInfo handshake) {
        this(id, server, transport, handshake, 4);
    }

    EngineSession(String id, EngineServer server, Transport transport, HandshakeInfo handshake, int protocol) {
        this.protocol = protocol;
        this.clientHeartbeat = protocol == 3 ? new ClientHeartbeat(this, server) : null;
        this.id = id;
        this.server = server;
        this.transport = transport;
        this.handshake = handshake;
        this.out = new Outbox(false);
    }

    // ---- EngineConnection -------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized String transport() {
        return transport.name();
    }

    @Override
    public void send(String text) {
        send(EnginePacket.message(text));
    }

    @Override
    public void send(byte[] data) {
        send(EnginePacket.binary(data));
    }

    @Override
    public void close() {
        closeAfterFlush(EngineCloseReason.FORCED_CLOSE);
    }

    @Override
    public synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public Map<String, List<String>> handshakeHeaders() {
        return handshake.headers();
    }

    @Override
    public Map<String, List<String>> handshakeQuery() {
        return handshake.query();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return handshake.remoteAddress();
    }

    @Override
    public void attachment(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    public HandshakeInfo handshake() {
        return handshake;
    }

    /** The Engine.IO revision the client speaks: 4, or 3 (a Socket.IO v2-era client, when allowed). */
    public int protocol() {
        return protocol;
    }

    /** This session's {@link SessionTag}, computed once. */
    public String tag() {
        String t = tag;
        if (t == null) {
            t = SessionTag.of(id);
            tag = t;
        }
        return t;
    }

    // ---- sending ----------------------------------------------------------------------------
    //
    // One path for every outbound packet: it is queued in an Outbox (the current transport's, or
    // the probing candidate's for the probe answer), counted in bytes against maxBufferedBytes,
    // and handed over only to a transport that is idle. A transport pulls the next batch with
    // pollBatch when it has written the previous one (see Transport), so nothing is written to
    // a transport that cannot take it, and no send completion calls back into a send.

    /**
     * Whether the current transport could write a packet at once (node's {@code transport.writable}):
     * open, idle, nothing queued. Volatile packets are dropped when it is not.
     */
    public synchronized boolean isWritable() {
        return state == State.OPEN && out.isIdle() && out.isEmpty();
    }

    /** Queues a packet; closes the session when the bounded buffer overflows (a slow reader). */
    public void send(EnginePacket packet) {
        enqueue(packet, null);
    }

    /** Queues several packets that must stay together (a Socket.IO packet and its attachments). */
    public void send(List<EnginePacket> packets) {
        enqueue(null, packets);
    }

    /** One packet or several (the other argument null): no list is allocated for the common single packet. */
    private void enqueue(EnginePacket one, List<EnginePacket> many) {
        long size = one != null ? Outbox.sizeOf(one) : Outbox.sizeOf(many);
        Transport t;
        List<EnginePacket> batch;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            if (overflows(size)) {
                batch = null;
                t = null;
            } else {
                if (one != null && out.isIdle() && out.isEmpty()) {
                    batch = out.handOver(one); // the common case: no queueing, no copy
                } else {
                    if (one != null) {
                        out.add(one, size);
                    } else {
                        out.addAll(many, size);
                    }
                    batch = out.takeIfIdle();
                }
                t = transport;
            }
        }
        if (t == null) {
            slowClient();
            return;
        }
        server.metrics().bytesOut(size);
        if (batch != null) {
            FanOut fanOut = FanOut.current();
            if (fanOut != null) {
                fanOut.add(t, batch); // the outbox order is fixed already; the write may run elsewhere
            } else {
                t.send(batch);
            }
        }
    }

    /** Under the lock: whether {@code size} more bytes break the bound (one packet alone always fits). */
    private boolean overflows(long size) {
        long waiting = out.bytes() + (upgrading != null ? probeOut.bytes() : 0);
        return waiting > 0 && waiting + size > server.options().maxBufferedBytes();
    }

    private void slowClient() {
        DebugLog.ENGINE.event(this, "outbound buffer full (bytes)", server.options().maxBufferedBytes());
        SLOW_CLIENTS.log(() -> "Session " + SessionTag.of(id) + ": outbound buffer full (" + server.options().maxBufferedBytes()
                + " bytes), client too slow; closing");
        if (isOpen()) {
            server.metrics().slowConsumerClosed();
        }
        onClose(EngineCloseReason.TRANSPORT_ERROR);
    }

    /**
     * Called by a transport when it has written its previous batch and can take the next one:
     * returns it, or null when nothing waits (the transport is then idle, and the next packet is
     * handed to it with {@link Transport#send}). While a websocket probes, a GET with nothing to
     * carry is left parked: the upgrade check answers it with a noop, or the upgrade ends it (a
     * GET that raced the {@code 5} must not be answered as if polling went on). A transport that
     * no longer carries the session gets null.
     */
    public List<EnginePacket> pollBatch(Transport t) {
        List<EnginePacket> batch;
        boolean finishClose = false;
        synchronized (this) {
            Outbox o = t == transport ? out : t == upgrading ? probeOut : null;
            if (o == null || state == State.CLOSED) {
                return null;
            }
            batch = o.pull();
            finishClose = batch == null && o == out && state == State.CLOSING;
        }
        if (finishClose) {
            onClose(closingReason);
        }
        return batch;
    }

    /**
     * Called by a transport that was not writing when it becomes able to (a GET arrived, a
     * websocket opened): hands it what waits. Never from a send completion: that pulls with
     * {@link #pollBatch} in the transport's own loop.
     */
    public void onWritable(Transport t) {
        List<EnginePacket> batch = pollBatch(t);
        if (batch != null) {
            t.send(batch);
        }
    }

    // ---- receiving --------------------------------------------------------------------------

    /** A packet from the current transport. */
    public void onPacket(Transport from, EnginePacket packet) {
        switch (packet.type()) {
            case PONG -> {
                if (clientHeartbeat != null) { // v3: the server never pings (node: "invalid heartbeat direction")
                    DebugLog.ENGINE.event(this, "pong from a v3 client (invalid heartbeat direction)");
                    onClose(EngineCloseReason.TRANSPORT_ERROR);
                } else {
                    heartbeat.onPong();
                }
            }
            case MESSAGE -> {
                if (!isOpen()) {
                    return;
                }
                EngineIoListener l = server.listener();
                try {
                    if (packet.isBinary()) {
                        server.metrics().bytesIn(packet.binary().length);
                        l.onBinary(this, packet.binary());
                    } else {
                        server.metrics().bytesIn(packet.text().length());
                        l.onMessage(this, packet.text());
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Session " + SessionTag.of(id) + ": message listener failed", e);
                }
            }
            case CLOSE -> onClose(EngineCloseReason.TRANSPORT_CLOSE); // websocket; polling handles its own (noop to the GET)
            case NOOP -> { }
            case PING -> {
                if (clientHeartbeat != null) {
                    onClientPing();
                    return;
                }
                // Engine.IO v4: the server pings, never the client (node: "invalid heartbeat direction")
                DebugLog.ENGINE.event(this, "ping from the client (invalid heartbeat direction)");
                onClose(EngineCloseReason.TRANSPORT_ERROR);
            }
            default -> {
                DebugLog.ENGINE.event(this, "unexpected packet type", packet.type());
                onClose(EngineCloseReason.PARSE_ERROR);
            }
        }
    }

    /** The transport failed or closed under us. */
    public void onTransportClosed(Transport t, EngineCloseReason reason) {
        synchronized (this) {
            if (t == upgrading) {
                upgrading = null;
                server.timer().cancel(upgradeCheck);
                DebugLog.ENGINE.event(this, "upgrade: the websocket closed before the upgrade:", reason.wireName());
                return;
            }
            if (t != transport) {
                return;
            }
        }
        onClose(reason);
    }

    /** v3: the client's ping restarts its deadline and gets a pong (unless it came too late). */
    private void onClientPing() {
        synchronized (this) {
            if (state != State.OPEN || clientHeartbeat.isOverdue(server.timer().nanoTime())) {
                return;
            }
            clientHeartbeat.restart();
        }
        DebugLog.ENGINE.event(this, "heartbeat: ping from the v3 client, next due within (ms)", clientHeartbeat.timeoutMillis());
        send(EnginePacket.PONG);
    }

    // ---- upgrade ----------------------------------------------------------------------------

    /**
     * A websocket with this session's sid opened: it becomes the one candidate for the upgrade
     * (node's {@code maybeUpgrade}, called when the websocket connects, not when it probes), and
     * the upgrade timeout runs from now. False when the session is not polling, is already
     * upgraded or has a candidate: a second websocket is then closed and the session keeps its
     * transport, whichever order the container delivers the two connections' frames in.
     */
    public boolean claimUpgrade(Transport candidate) {
        synchronized (this) {
            if (!acceptsUpgrade()) {
                return false;
            }
            upgrading = candidate;
            probeOut = new Outbox(true); // the candidate has written nothing yet
        }
        DebugLog.ENGINE.event(this, "upgrade: websocket connected, waiting for its probe");
        upgradeCheck.startTimeout();
        return true;
    }

    /**
     * The candidate sent {@code 2probe}: the answer goes to it through its own outbox (so a
     * client that probes again and again without reading is bounded too), and the upgrade checks
     * start: every 100 ms a parked GET with nothing to carry gets a noop, so the client can pause
     * polling (node's {@code check}). A GET parked now is not freed at once, as in node: a client
     * that sends {@code 5} without waiting for it gets that GET ended by the upgrade.
     */
    public boolean onProbe(Transport candidate) {
        long size = Outbox.sizeOf(EnginePacket.PONG_PROBE);
        if (!isUpgrading(candidate) && !claimUpgrade(candidate)) {
            return false;
        }
        List<EnginePacket> answer = null;
        boolean full;
        synchronized (this) {
            if (state != State.OPEN || upgrading != candidate) {
                return false;
            }
            full = overflows(size);
            if (!full) {
                probeOut.add(EnginePacket.PONG_PROBE, size);
                answer = probeOut.takeIfIdle();
            }
        }
        if (full) {
            slowClient();
            return false;
        }
        upgradeCheck.onProbe();
        DebugLog.ENGINE.event(this, "upgrade: probe answered");
        if (answer != null) {
            candidate.send(answer);
        }
        return true;
    }

    /**
     * The websocket sent {@code 5}: switch transports and flush what is buffered onto the new one.
     * The switch is made under the lock, so from here on the servlet sees the websocket as the
     * session's transport and refuses polling; a request that got to the old transport just
     * before is answered by its {@code discard}.
     */
    public void onUpgrade(Transport candidate) {
        Transport old;
        List<EnginePacket> batch;
        boolean finishClose;
        synchronized (this) {
            if (state == State.CLOSED || upgrading != candidate) {
                return; // a CLOSING session still upgrades, so what it queued reaches the client
            }
            old = transport;
            transport = candidate;
            upgrading = null;
            // the old transport never pulls again; the candidate's leftovers (a probe answer
            // still being written) go first, and the candidate pulls when it has written them
            out.batchWritten();
            out.prepend(probeOut);
            probeOut = null;
            batch = out.takeIfIdle();
            finishClose = batch == null && state == State.CLOSING && out.isIdle() && out.isEmpty();
        }
        server.timer().cancel(upgradeCheck);
        server.metrics().upgraded();
        DebugLog.ENGINE.event(this, "upgrade: done, now on", candidate.name());
        old.discard();
        if (batch != null) {
            candidate.send(batch);
        } else if (finishClose) {
            onClose(closingReason);
        }
    }

    /** Whether {@code t} is a probing candidate that has not completed the upgrade. */
    public synchronized boolean isUpgrading(Transport t) {
        return upgrading == t;
    }

    /** Whether a websocket may still take this session over (polling, open, no candidate yet). */
    public synchronized boolean acceptsUpgrade() {
        return state == State.OPEN && upgrading == null && "polling".equals(transport.name());
    }

    // ---- lifecycle --------------------------------------------------------------------------

    private EngineCloseReason closingReason = EngineCloseReason.FORCED_CLOSE;

    /** Server-side close: flushes what is buffered, then closes ("forced close"). */
    public void closeAfterFlush(EngineCloseReason reason) {
        Transport t;
        List<EnginePacket> batch;
        boolean finishClose;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSING;
            closingReason = reason;
            DebugLog.ENGINE.event(this, "closing after what is buffered is sent:", reason.wireName());
            t = transport;
            batch = out.takeIfIdle();
            finishClose = batch == null && out.isIdle() && out.isEmpty();
        }
        if (finishClose) {
            onClose(reason);
            return;
        }
        // a client that never reads again must not keep the session: bound the wait
        server.timer().schedule(heartbeat, server.options().pingTimeout().toMillis());
        if (batch != null) {
            t.send(batch);
        }
    }

    /** Closes now, once: releases the session and tells the listener. */
    public void onClose(EngineCloseReason reason) {
        Transport t;
        Transport up;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            out.clear();
            if (probeOut != null) {
                probeOut.clear();
            }
            t = transport;
            up = upgrading;
            upgrading = null;
        }
        server.timer().cancel(heartbeat);
        if (clientHeartbeat != null) {
            server.timer().cancel(clientHeartbeat);
        }
        server.timer().cancel(upgradeCheck);
        server.remove(this);
        server.metrics().sessionClosed(reason);
        DebugLog.ENGINE.event(this, "closed:", reason.wireName());
        closeQuietly(t);
        closeQuietly(up);
        try {
            server.listener().onClose(this, reason.wireName());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Session " + SessionTag.of(id) + ": close listener failed", e);
        }
    }

    private void closeQuietly(Transport t) {
        if (t == null) {
            return;
        }
        try {
            t.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Session " + SessionTag.of(id) + ": closing transport failed", e);
        }
    }

    /** The transport that carries the session now. */
    public synchronized Transport currentTransport() {
        return transport;
    }

    synchronized State state() {
        return state;
    }

    /** Starts the heartbeat; called once the open packet is queued. */
    void startHeartbeat() {
        synchronized (this) {
            if (clientHeartbeat != null) {
                clientHeartbeat.restart();
            } else {
                heartbeat.scheduleNextPing();
            }
        }
    }

    /**
     * Closes the session ({@code ping timeout}) if the pong to its last ping is overdue, on the
     * calling thread; true if it was. The server's session lookup calls it, so a request at the
     * deadline never finds the session alive while the timer thread is still on its way.
     */
    boolean closeIfPongOverdue() {
        synchronized (this) {
            long now = server.timer().nanoTime();
            boolean overdue = clientHeartbeat != null ? clientHeartbeat.isOverdue(now) : heartbeat.isPongOverdue(now);
            if (state != State.OPEN || !overdue) {
                return false;
            }
        }
        onClose(EngineCloseReason.PING_TIMEOUT);
        return true;
    }

    /**
     * Ping every pingInterval; no pong within pingTimeout closes the session (node's
     * {@code schedulePing} / {@code resetPingTimeout}; a pong restarts the interval). Deadlines are
     * kept as nominal instants: the pong is due pingTimeout after the ping was due, not after the
     * timer thread got round to it, so the session never outlives pingInterval + pingTimeout. The
     * ping is engine work (on the scheduler's engine pool); the close, which reaches the listener
     * and so user code, goes to the server's callback executor. Fields guarded by the session.
     */
    private final class Heartbeat extends Timeout {
        private boolean awaitingPong;
        private long pingDueAt;
        private long pongDueAt;

        /** Caller holds the session lock. */
        void scheduleNextPing() {
            awaitingPong = false;
            long interval = server.options().pingInterval().toMillis();
            pingDueAt = server.timer().nanoTime() + TimeUnit.MILLISECONDS.toNanos(interval);
            server.timer().schedule(this, interval);
        }

        boolean isPongOverdue(long now) {
            return awaitingPong && now - pongDueAt >= 0;
        }

        /** A pong after its deadline is too late even if the timer has not run yet: that timer closes the session. */
        void onPong() {
            synchronized (EngineSession.this) {
                if (awaitingPong && state == State.OPEN && !isPongOverdue(server.timer().nanoTime())) {
                    scheduleNextPing();
                    DebugLog.ENGINE.event(EngineSession.this, "heartbeat: pong");
                }
            }
        }

        @Override
        protected void expire() {
            EngineCloseReason timedOut = null;
            boolean slow = false;
            synchronized (EngineSession.this) {
                if (state == State.CLOSED) {
                    return;
                }
                if (state == State.CLOSING) {
                    timedOut = closingReason; // the close deadline of closeAfterFlush
                } else if (awaitingPong) {
                    timedOut = EngineCloseReason.PING_TIMEOUT;
                } else if (overflows(Outbox.sizeOf(EnginePacket.PING))) {
                    slow = true; // the ping would close a slow client inline, here on the engine pool
                } else {
                    // arm the pong deadline before the ping leaves: a pong that comes back at once
                    // re-arms this timeout for the next ping and must not be overwritten afterwards
                    awaitingPong = true;
                    pongDueAt = pingDueAt + server.options().pingTimeout().toNanos();
                    long left = pongDueAt - server.timer().nanoTime();
                    server.timer().schedule(this, Math.max(0, TimeUnit.NANOSECONDS.toMillis(left))); // rounded down
                }
            }
            if (timedOut != null) {
                EngineCloseReason reason = timedOut;
                server.callbacks().execute(() -> onClose(reason));
            } else if (slow) {
                server.callbacks().execute(EngineSession.this::slowClient);
            } else {
                DebugLog.ENGINE.event(EngineSession.this, "heartbeat: ping, pong due within (ms)", server.options().pingTimeout().toMillis());
                send(EnginePacket.PING);
            }
        }
    }

    /**
     * While a candidate holds the session: the upgrade timeout (from the candidate's connection,
     * as in node), and once it has probed, a check every 100 ms that gives a parked GET with
     * nothing to carry a noop (node's upgrade "check", so the client can pause polling). A
     * candidate that does not complete the upgrade in time is dropped; the session goes on.
     */
    private final class UpgradeCheck extends Timeout {
        private static final long CHECK_MILLIS = 100;
        private long deadlineNanos;
        private boolean probed;

        void startTimeout() {
            synchronized (EngineSession.this) {
                deadlineNanos = server.timer().nanoTime() + server.options().upgradeTimeout().toNanos();
                probed = false;
            }
            scheduleNext();
        }

        /** Each probe restarts the checks, as node's {@code setInterval} after a probe does. */
        void onProbe() {
            synchronized (EngineSession.this) {
                probed = true;
            }
            scheduleNext();
        }

        private void scheduleNext() {
            long leftNanos;
            synchronized (EngineSession.this) {
                leftNanos = deadlineNanos - server.timer().nanoTime();
            }
            // rounded up: the timeout may be a hair late, but never spins before its deadline
            long leftMillis = Math.max(0, (leftNanos + 999_999) / 1_000_000);
            server.timer().schedule(this, Math.min(CHECK_MILLIS, leftMillis));
        }

        @Override
        protected void expire() {
            Transport current;
            Transport dropped = null;
            List<EnginePacket> release = null;
            synchronized (EngineSession.this) {
                if (upgrading == null) {
                    return;
                }
                if (server.timer().nanoTime() - deadlineNanos >= 0) {
                    dropped = upgrading;
                    upgrading = null;
                } else if (probed && state == State.OPEN && out.isIdle() && out.isEmpty()) {
                    release = out.handOver(EnginePacket.NOOP); // a parked GET with nothing to carry
                }
                current = transport;
            }
            if (dropped != null) {
                DebugLog.ENGINE.event(EngineSession.this, "upgrade: not completed within (ms)", server.options().upgradeTimeout().toMillis());
                closeQuietly(dropped);
                return;
            }
            scheduleNext();
            if (release != null) {
                current.send(release);
            }
        }
    }
}
