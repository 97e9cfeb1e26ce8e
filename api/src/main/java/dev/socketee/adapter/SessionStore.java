package dev.socketee.adapter;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * What connection state recovery keeps for one namespace (socket.io-adapter's
 * {@code SessionAwareAdapter} state): the sessions of disconnected sockets by private id, and the
 * packets broadcast meanwhile with their offsets. Both are bounded in time ({@code
 * maxDisconnectionDuration}) and in size ({@code maxSessions}; {@code maxPackets} and {@code
 * maxBytes}), the oldest going first. Time comes from an injectable millisecond clock, and what
 * expired goes when the store is next used (no timer per session: entries are in time order, so
 * each use looks only at the oldest ones).
 *
 * <p>An offset is this store's prefix and a sequence number: an offset another store (another
 * node, a namespace made again, a restarted server) gave is unknown here, and its client connects
 * afresh. Thread-safe; every method holds the store's lock briefly and calls nothing outside it.
 */
public final class SessionStore {

    /** A session and when its socket disconnected. */
    private record Kept(PersistedSession session, long disconnectedAt) {
    }

    private final RecoveryOptions options;
    private final long windowMillis;
    private final LongSupplier clock;
    private final String prefix;
    /** Insertion order is disconnection order (the clock is assumed not to go back much): the eldest expire first. */
    private final LinkedHashMap<String, Kept> sessions = new LinkedHashMap<>();
    private final PacketLog packets = new PacketLog();

    public SessionStore(RecoveryOptions options, LongSupplier clockMillis) {
        this.options = options;
        this.windowMillis = options.maxDisconnectionDuration().toMillis();
        this.clock = clockMillis;
        this.prefix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36) + "-";
    }

    /** Keeps a disconnected socket's session (replacing an older one of the same private id). */
    public synchronized void persist(PersistedSession session) {
        long now = clock.getAsLong();
        evict(now);
        sessions.remove(session.pid());
        sessions.put(session.pid(), new Kept(session.withMissedPackets(List.of()), now));
        while (sessions.size() > options.maxSessions()) {
            Iterator<Kept> eldest = sessions.values().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /**
     * Takes the session of {@code pid} with the packets it missed after {@code offset}; empty when
     * the session is unknown or expired, or the offset is unknown or no longer kept. A session is
     * given out once: a second connection with the same private id connects afresh.
     */
    public synchronized Optional<PersistedSession> restore(String pid, String offset) {
        evict(clock.getAsLong());
        Kept kept = sessions.remove(pid);
        if (kept == null) {
            return Optional.empty();
        }
        long seq = seqOf(offset);
        if (seq < 0 || !packets.hasEverythingAfter(seq)) {
            return Optional.empty();
        }
        PersistedSession s = kept.session();
        return Optional.of(s.withMissedPackets(packets.after(seq, s.rooms())));
    }

    /**
     * Gives a broadcast EVENT the next offset and keeps it: returns the packet made by {@code
     * withOffset} (the EVENT with the offset as its last argument), the one to send.
     */
    public synchronized OutboundPacket append(OutboundPacket packet, BroadcastOptions target,
                                              BiFunction<OutboundPacket, String, OutboundPacket> withOffset) {
        long now = clock.getAsLong();
        evict(now);
        if (packets.size() == options.maxPackets()) {
            packets.dropOldest();
        }
        OutboundPacket sent = withOffset.apply(packet, prefix + Long.toString(packets.nextSeq(), 36));
        packets.add(sent, target, now, sent.sizeEstimate(), options.maxPackets());
        while (packets.bytes() > options.maxBytes() && packets.size() > 1) { // the newest always stays: its client must be able to come back
            packets.dropOldest();
        }
        return sent;
    }

    /** Drops what is older than the window. */
    public synchronized void evictExpired() {
        evict(clock.getAsLong());
    }

    private void evict(long now) {
        long threshold = now - windowMillis;
        Iterator<Kept> it = sessions.values().iterator();
        while (it.hasNext()) {
            if (it.next().disconnectedAt() >= threshold) {
                break;
            }
            it.remove();
        }
        while (packets.size() > 0 && packets.oldestAt() < threshold) {
            packets.dropOldest();
        }
    }

    private long seqOf(String offset) {
        if (offset == null || !offset.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(offset.substring(prefix.length()), 36);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public synchronized int sessionCount() {
        return sessions.size();
    }

    public synchronized int packetCount() {
        return packets.size();
    }

    public synchronized long packetBytes() {
        return packets.bytes();
    }

    /** For tests and metrics: a snapshot of the kept sessions' private ids, eldest first. */
    synchronized List<String> pids() {
        return List.copyOf(sessions.keySet());
    }
}
