package dev.socketee.redis;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WARNING per interval for a kind of trouble that can repeat per message (a peer that
 * publishes garbage must not flood the log); the ones in between are counted and the count
 * goes with the next line.
 */
final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalNanos = intervalMillis * 1_000_000;
    }

    void warn(String message) {
        long now = System.nanoTime();
        long next = nextAt.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAt.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            log.log(Level.FINE, message);
            return;
        }
        long more = suppressed.getAndSet(0);
        log.warning(more == 0 ? message : message + " (and " + more + " more since the last such line)");
    }
}
