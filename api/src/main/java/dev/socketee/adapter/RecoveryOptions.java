package dev.socketee.adapter;

import java.time.Duration;

/**
 * Connection state recovery (node's {@code connectionStateRecovery}): a client that lost its
 * connection and comes back within {@code maxDisconnectionDuration} gets its socket id, rooms,
 * session data and the packets it missed. node keeps sessions and packets without a bound; here
 * each namespace keeps at most {@code maxSessions} sessions and {@code maxPackets} packets of at
 * most {@code maxBytes} bytes (the oldest go first; a client whose session or offset went falls
 * back to a fresh connection, as in node when they expired).
 */
public record RecoveryOptions(Duration maxDisconnectionDuration, boolean skipMiddlewares, int maxSessions, int maxPackets, long maxBytes) {

    /** node's defaults: 2 minutes, middlewares skipped. */
    public static final Duration DEFAULT_MAX_DISCONNECTION_DURATION = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_SESSIONS = 100_000;
    public static final int DEFAULT_MAX_PACKETS = 10_000;
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    public RecoveryOptions {
        if (maxDisconnectionDuration == null || maxDisconnectionDuration.isNegative() || maxDisconnectionDuration.isZero()) {
            throw new IllegalArgumentException("maxDisconnectionDuration must be positive: " + maxDisconnectionDuration);
        }
        if (maxSessions < 1 || maxPackets < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("recovery bounds must be positive: sessions " + maxSessions
                    + ", packets " + maxPackets + ", bytes " + maxBytes);
        }
    }

    /** node's defaults with the given window, and Socketee's bounds. */
    public static RecoveryOptions of(Duration maxDisconnectionDuration) {
        return new RecoveryOptions(maxDisconnectionDuration, true, DEFAULT_MAX_SESSIONS, DEFAULT_MAX_PACKETS, DEFAULT_MAX_BYTES);
    }
}
