package dev.socketee.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The packets of one namespace kept for recovery, oldest first, in a ring that grows up to its
 * bound: each has a sequence number one above the previous one, so the packet of an offset is
 * found by subtraction, not by a search. Not thread-safe: {@link SessionStore} guards it.
 */
final class PacketLog {

    private record Entry(OutboundPacket packet, Set<String> rooms, Set<String> except, long at, long bytes) {
    }

    private Entry[] ring = new Entry[16];
    private int head;
    private int size;
    /** The sequence number of the entry at {@code head}. */
    private long firstSeq;
    private long bytes;

    /** The sequence number the next entry gets. */
    long nextSeq() {
        return firstSeq + size;
    }

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    void add(OutboundPacket packet, BroadcastOptions options, long at, long packetBytes, int maxEntries) {
        if (size == ring.length) {
            grow(maxEntries);
        }
        ring[(head + size) % ring.length] = new Entry(packet, options.rooms(), options.except(), at, packetBytes);
        size++;
        bytes += packetBytes;
    }

    private void grow(int maxEntries) {
        Entry[] bigger = new Entry[Math.max(ring.length, Math.min(ring.length * 2, maxEntries))];
        if (bigger.length == ring.length) {
            throw new IllegalStateException("the log is full: drop the oldest first"); // the store never lets it happen
        }
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
    }

    /** Emission time of the oldest entry; only when not empty. */
    long oldestAt() {
        return ring[head].at();
    }

    void dropOldest() {
        bytes -= ring[head].bytes();
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        firstSeq++;
    }

    /**
     * Whether every entry after {@code seq} (one this log gave) is still here: {@code seq} itself
     * may be gone, as long as nothing newer went (node requires the offset's own packet, and so
     * refuses a client that missed nothing when that packet expired during a quiet spell).
     */
    boolean hasEverythingAfter(long seq) {
        return seq >= firstSeq - 1 && seq < firstSeq + size;
    }

    /**
     * The packets after {@code seq} a socket in {@code socketRooms} was sent: broadcasts to all or
     * to one of its rooms, not excluding any of them (socket.io-adapter's {@code shouldIncludePacket}).
     */
    List<OutboundPacket> after(long seq, Set<String> socketRooms) {
        List<OutboundPacket> out = new ArrayList<>();
        for (long s = seq + 1; s < firstSeq + size; s++) {
            Entry e = ring[(int) ((head + (s - firstSeq)) % ring.length)];
            if ((e.rooms().isEmpty() || intersects(e.rooms(), socketRooms)) && !intersects(e.except(), socketRooms)) {
                out.add(e.packet());
            }
        }
        return out;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String r : small) {
            if (large.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
