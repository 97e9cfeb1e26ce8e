package dev.socketee.impl.engine;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Engine.IO session (node's engine.io {@code Socket}): its state, the one outbound buffer
 * (bounded), the current transport and the upgrade to a second one, the heartbeat. The lock is
 * the instance monitor, held only to change state or move packets, never across I/O or
 * callbacks.
 */
public final class EngineSession implements EngineConnection {

    private static final Logger LOG = Logger.getLogger(EngineSession.class.getName());
    /** Slow clients are the client's doing: throttled, so many of them cannot flood the log. */
    private static final ThrottledLog SLOW_CLIENTS = new ThrottledLog(LOG, Level.WARNING);

    enum State { OPEN, CLOSING, CLOSED }

    private final String id;
    private final EngineServer server;
    private final HandshakeInfo handshake;
    private final ArrayDeque<EnginePacket> buffer = new ArrayDeque<>();
    private final Heartbeat heartbeat = new Heartbeat();
    private final UpgradeTimeout upgradeTimeout = new UpgradeTimeout();

    private State state = State.OPEN;
    private Transport transport;
    private Transport upgrading;
    private boolean writable;
    private volatile Object attachment;

    EngineSession(String id, EngineServer server, Transport transport, HandshakeInfo handshake) {
        this.id = id;
        this.server = server;
        this.transport = transport;
        this.handshake = handshake;
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

    // ---- sending ----------------------------------------------------------------------------

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
        boolean queued;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            queued = buffer.size() + (one != null ? 1 : many.size()) <= server.options().maxBufferedPackets();
            if (queued && one != null) {
                buffer.add(one);
            } else if (queued) {
                buffer.addAll(many);
            }
        }
        if (!queued) {
            SLOW_CLIENTS.log(() -> "Session " + SessionTag.of(id) + ": outbound buffer full (" + server.options().maxBufferedPackets()
                    + " packets), client too slow; closing");
            onClose(EngineCloseReason.TRANSPORT_ERROR);
            return;
        }
        flush();
    }

    private void flush() {
        Transport t;
        List<EnginePacket> batch;
        boolean finishClose = false;
        synchronized (this) {
            if (state == State.CLOSED || !writable) {
                return;
            }
            if (buffer.isEmpty()) {
                finishClose = state == State.CLOSING;
                if (!finishClose) {
                    return;
                }
                t = null;
                batch = null;
            } else {
                t = transport;
                batch = new ArrayList<>(buffer);
                buffer.clear();
                writable = false;
            }
        }
        if (finishClose) {
            onClose(closingReason);
            return;
        }
        t.send(batch);
    }

    /** Called by a transport when it can take the next batch (a GET arrived, a websocket send completed). */
    public void onWritable(Transport t) {
        synchronized (this) {
            if (t != transport) {
                return;
            }
            writable = true;
        }
        if (!releasePollDuringUpgrade(t)) {
            flush();
        }
    }

    /**
     * While a websocket probes, a GET with nothing to carry is answered with a noop at once, so
     * the client can pause polling and send the upgrade packet.
     */
    private boolean releasePollDuringUpgrade(Transport t) {
        synchronized (this) {
            if (upgrading == null || !writable || transport != t || !buffer.isEmpty() || state != State.OPEN) {
                return false;
            }
            writable = false;
        }
        t.send(List.of(EnginePacket.NOOP));
        return true;
    }

    // ---- receiving --------------------------------------------------------------------------

    /** A packet from the current transport. */
    public void onPacket(Transport from, EnginePacket packet) {
        switch (packet.type()) {
            case PONG -> heartbeat.onPong();
            case MESSAGE -> {
                if (!isOpen()) {
                    return;
                }
                EngineIoListener l = server.listener();
                try {
                    if (packet.isBinary()) {
                        l.onBinary(this, packet.binary());
                    } else {
                        l.onMessage(this, packet.text());
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Session " + SessionTag.of(id) + ": message listener failed", e);
                }
            }
            case CLOSE -> onClose(EngineCloseReason.TRANSPORT_CLOSE);
            case NOOP -> { }
            case PING -> from.send(List.of(EnginePacket.of(EnginePacketType.PONG, packet.text()))); // outside the buffer, like the probe answer
            default -> {
                LOG.fine(() -> "Session " + SessionTag.of(id) + ": unexpected " + packet + "; closing");
                onClose(EngineCloseReason.PARSE_ERROR);
            }
        }
    }

    /** The transport failed or closed under us. */
    public void onTransportClosed(Transport t, EngineCloseReason reason) {
        synchronized (this) {
            if (t == upgrading) {
                upgrading = null;
                server.timer().cancel(upgradeTimeout);
                return;
            }
            if (t != transport) {
                return;
            }
        }
        onClose(reason);
    }

    // ---- upgrade ----------------------------------------------------------------------------

    /** A websocket asked to take over this polling session ({@code 2probe} received). */
    public boolean onProbe(Transport candidate) {
        Transport current;
        synchronized (this) {
            if (state != State.OPEN || upgrading != null && upgrading != candidate || transport == candidate) {
                return false;
            }
            upgrading = candidate;
            current = transport;
        }
        server.timer().schedule(upgradeTimeout, server.options().upgradeTimeout().toMillis());
        candidate.send(List.of(EnginePacket.PONG_PROBE)); // on the candidate itself, outside the buffer
        releasePollDuringUpgrade(current);
        return true;
    }

    /** The websocket sent {@code 5}: switch transports and flush what is buffered onto the new one. */
    public void onUpgrade(Transport candidate) {
        Transport old;
        synchronized (this) {
            if (state == State.CLOSED || upgrading != candidate) {
                return; // a CLOSING session still upgrades, so what it queued reaches the client
            }
            old = transport;
            transport = candidate;
            upgrading = null;
            writable = true;
        }
        server.timer().cancel(upgradeTimeout);
        old.discard();
        flush();
    }

    /** Whether {@code t} is a probing candidate that has not completed the upgrade. */
    public synchronized boolean isUpgrading(Transport t) {
        return upgrading == t;
    }

    /** Whether a websocket may still try to take this session over (polling, no probe running). */
    public synchronized boolean acceptsUpgrade() {
        return state == State.OPEN && upgrading == null && "polling".equals(transport.name());
    }

    // ---- lifecycle --------------------------------------------------------------------------

    private EngineCloseReason closingReason = EngineCloseReason.FORCED_CLOSE;

    /** Server-side close: flushes what is buffered, then closes ("forced close"). */
    public void closeAfterFlush(EngineCloseReason reason) {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSING;
            closingReason = reason;
        }
        // a client that never reads again must not keep the session: bound the wait
        server.timer().schedule(heartbeat, server.options().pingTimeout().toMillis());
        flush();
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
            buffer.clear();
            t = transport;
            up = upgrading;
            upgrading = null;
        }
        server.timer().cancel(heartbeat);
        server.timer().cancel(upgradeTimeout);
        server.remove(this);
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
        heartbeat.scheduleNextPing();
    }

    /** Ping every pingInterval; no pong within pingTimeout closes the session. */
    private final class Heartbeat extends TimerWheel.Timeout {
        private boolean awaitingPong;

        void scheduleNextPing() {
            synchronized (EngineSession.this) {
                awaitingPong = false;
            }
            server.timer().schedule(this, server.options().pingInterval().toMillis());
        }

        void onPong() {
            synchronized (EngineSession.this) {
                if (!awaitingPong || state != State.OPEN) {
                    return;
                }
            }
            scheduleNextPing();
        }

        @Override
        protected void expire() {
            boolean timedOut;
            synchronized (EngineSession.this) {
                if (state == State.CLOSED) {
                    return;
                }
                timedOut = awaitingPong || state == State.CLOSING;
                awaitingPong = true;
            }
            if (timedOut) {
                onClose(state() == State.CLOSING ? closingReason : EngineCloseReason.PING_TIMEOUT);
                return;
            }
            // arm the pong deadline before the ping leaves: a pong that comes back at once re-arms
            // this timeout for the next ping, and must not be overwritten by the deadline afterwards
            server.timer().schedule(this, server.options().pingTimeout().toMillis());
            send(EnginePacket.PING);
        }
    }

    /** A probe that does not complete the upgrade in time is dropped; the session goes on. */
    private final class UpgradeTimeout extends TimerWheel.Timeout {
        @Override
        protected void expire() {
            Transport t;
            synchronized (EngineSession.this) {
                t = upgrading;
                upgrading = null;
            }
            closeQuietly(t);
        }
    }
}
