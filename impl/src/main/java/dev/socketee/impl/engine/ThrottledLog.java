package dev.socketee.impl.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log line that a client can provoke at will (a malformed packet, an oversized body, a
 * refused origin) must not let that client fill the log or spend the server's CPU on logging:
 * at most {@code perWindow} lines per window are written; the rest are counted, and the next
 * line written says how many were left out. Lock-free; a suppressed line builds no message.
 */
public final class ThrottledLog {

    private final Logger logger;
    private final Level level;
    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong windowStart;
    private final AtomicLong writtenInWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    /** Ten lines a minute at {@code level}. */
    public ThrottledLog(Logger logger, Level level) {
        this(logger, level, 10, TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    }

    public ThrottledLog(Logger logger, Level level, int perWindow, long windowNanos, LongSupplier nanoClock) {
        this.logger = logger;
        this.level = level;
        this.perWindow = perWindow;
        this.windowNanos = windowNanos;
        this.nanoClock = nanoClock;
        this.windowStart = new AtomicLong(nanoClock.getAsLong());
    }

    /** Writes the line unless this window's quota is used up. */
    public void log(Supplier<String> message) {
        if (!logger.isLoggable(level)) {
            return;
        }
        long now = nanoClock.getAsLong();
        long start = windowStart.get();
        if (now - start >= windowNanos && windowStart.compareAndSet(start, now)) {
            writtenInWindow.set(0);
        }
        if (writtenInWindow.incrementAndGet() > perWindow) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        String line = message.get();
        logger.log(level, left == 0 ? line : line + " (" + left + " similar line(s) left out before this one)");
    }

    /** Lines left out since the last one written (for tests and metrics). */
    public long suppressedCount() {
        return suppressed.get();
    }
}
