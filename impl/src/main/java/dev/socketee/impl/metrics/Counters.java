package dev.socketee.impl.metrics;

import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.sio.SioDisconnectReason;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link ServerMetrics} that adds everything up, in {@link LongAdder}s (no contention between
 * the threads of many connections, nothing allocated per call). Reasons are counted in arrays
 * indexed by the reason enums' ordinals, read back by {@link SocketeeMeters}.
 */
public final class Counters implements ServerMetrics {

    final LongAdder pollingOpened = new LongAdder();
    final LongAdder websocketOpened = new LongAdder();
    final LongAdder[] sessionsClosed = adders(EngineCloseReason.values().length);
    final LongAdder upgrades = new LongAdder();
    final LongAdder slowConsumers = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder socketsConnected = new LongAdder();
    /** By {@link SioDisconnectReason} ordinal; the last slot for a reason outside node's list. */
    final LongAdder[] socketsDisconnected = adders(SioDisconnectReason.values().length + 1);
    final LongAdder eventsIn = new LongAdder();
    final LongAdder eventsOut = new LongAdder();
    final LongAdder broadcasts = new LongAdder();
    final LongAdder broadcastRecipients = new LongAdder();
    final LongAdder acksTimedOut = new LongAdder();
    final LongAdder clusterRequests = new LongAdder();
    final LongAdder clusterRequestsFailed = new LongAdder();
    final LongAdder clusterRequestNanos = new LongAdder();

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    @Override
    public void sessionOpened(String transport) {
        ("websocket".equals(transport) ? websocketOpened : pollingOpened).increment();
    }

    @Override
    public void sessionClosed(EngineCloseReason reason) {
        sessionsClosed[reason.ordinal()].increment();
    }

    @Override
    public void upgraded() {
        upgrades.increment();
    }

    @Override
    public void slowConsumerClosed() {
        slowConsumers.increment();
    }

    @Override
    public void bytesIn(long size) {
        bytesIn.add(size);
    }

    @Override
    public void bytesOut(long size) {
        bytesOut.add(size);
    }

    @Override
    public void socketConnected() {
        socketsConnected.increment();
    }

    @Override
    public void socketDisconnected(String reason) {
        socketsDisconnected[disconnectSlot(reason)].increment();
    }

    /** The reason's slot: nine string comparisons, nothing allocated. */
    static int disconnectSlot(String reason) {
        for (SioDisconnectReason r : DISCONNECT_REASONS) {
            if (r.wireName().equals(reason)) {
                return r.ordinal();
            }
        }
        return DISCONNECT_REASONS.length;
    }

    private static final SioDisconnectReason[] DISCONNECT_REASONS = SioDisconnectReason.values();

    @Override
    public void eventIn() {
        eventsIn.increment();
    }

    @Override
    public void eventOut() {
        eventsOut.increment();
    }

    @Override
    public void broadcast() {
        broadcasts.increment();
    }

    @Override
    public void broadcastRecipient() {
        broadcastRecipients.increment();
    }

    @Override
    public void ackTimedOut() {
        acksTimedOut.increment();
    }

    @Override
    public void clusterRequest(long nanos, boolean failed) {
        clusterRequests.increment();
        clusterRequestNanos.add(nanos);
        if (failed) {
            clusterRequestsFailed.increment();
        }
    }
}
