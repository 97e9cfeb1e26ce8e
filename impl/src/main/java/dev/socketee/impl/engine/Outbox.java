package dev.socketee.impl.engine;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The packets waiting for one transport of a session, what they cost in bytes, and whether that
 * transport is idle. A transport takes the whole queue as one batch (the list itself: the next
 * packet that has to wait starts a new one, so an idle session holds no queue); the batch's bytes stay
 * counted until the transport pulls again, which says the batch has been written out. Not
 * thread-safe: the session guards it with its lock.
 */
final class Outbox {

    /** What waits, in order; null when nothing does (made by the first packet that has to wait). */
    private ArrayList<EnginePacket> packets;
    /** Bytes of the packets queued here plus those of the batch being written. */
    private long bytes;
    private long inFlightBytes;
    /** The transport pulled and found nothing: the next packet is handed to it at once. */
    private boolean idle;

    Outbox(boolean idle) {
        this.idle = idle;
    }

    /** What a packet costs against {@link EngineIoOptions#maxBufferedBytes()}. */
    static long sizeOf(EnginePacket p) {
        return (p.isBinary() ? p.binary().length : p.text().length()) + EngineIoOptions.PACKET_OVERHEAD_BYTES;
    }

    static long sizeOf(Collection<EnginePacket> ps) {
        long n = 0;
        for (EnginePacket p : ps) {
            n += sizeOf(p);
        }
        return n;
    }

    private ArrayList<EnginePacket> queue() {
        ArrayList<EnginePacket> q = packets;
        if (q == null) {
            q = new ArrayList<>(4);
            packets = q;
        }
        return q;
    }

    void add(EnginePacket p, long size) {
        queue().add(p);
        bytes += size;
    }

    void addAll(Collection<EnginePacket> ps, long size) {
        queue().addAll(ps);
        bytes += size;
    }

    /** Puts what {@code first} still holds in front of this queue (an upgrade's leftovers). */
    void prepend(Outbox first) {
        if (!first.isEmpty()) {
            ArrayList<EnginePacket> q = first.packets; // first is done with: its list goes in front
            first.packets = null;
            if (packets != null) {
                q.addAll(packets);
            }
            packets = q;
        }
        bytes += first.bytes;
        inFlightBytes += first.inFlightBytes;
        idle = first.idle;
    }

    long bytes() {
        return bytes;
    }

    boolean isIdle() {
        return idle;
    }

    boolean isEmpty() {
        return packets == null || packets.isEmpty();
    }

    /** The previous batch has been written out: its bytes no longer count. */
    void batchWritten() {
        bytes -= inFlightBytes;
        inFlightBytes = 0;
    }

    /**
     * The transport pulls: the previous batch is written; returns the next one, or null and
     * the transport is idle.
     */
    List<EnginePacket> pull() {
        batchWritten();
        if (isEmpty()) {
            idle = true;
            return null;
        }
        return take();
    }

    /** The queue as a batch if the transport is idle and there is something, else null. */
    List<EnginePacket> takeIfIdle() {
        return idle && !isEmpty() ? take() : null;
    }

    /** Hands {@code p} alone to the idle transport with nothing queued (a packet sent to an idle websocket, a noop that frees a parked GET). */
    List<EnginePacket> handOver(EnginePacket p) {
        long size = sizeOf(p);
        bytes += size;
        inFlightBytes = size;
        idle = false;
        return List.of(p);
    }

    private List<EnginePacket> take() {
        List<EnginePacket> batch = packets; // handed over whole: no copy
        packets = null;
        inFlightBytes = bytes;
        idle = false;
        return batch;
    }

    /** Drops everything (the session closed). */
    void clear() {
        packets = null;
        bytes = 0;
        inFlightBytes = 0;
    }
}
