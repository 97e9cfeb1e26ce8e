package dev.socketee.impl.engine.transport.jettycore;

import dev.socketee.impl.engine.ThrottledLog;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In io-thread mode a websocket read callback (read, parse, handlers, reply) runs on Jetty's
 * selector thread, so a synchronous handler that blocks holds up every connection of that
 * selector. Nothing can take the thread back; what this does is say so: a callback that took
 * longer than the threshold is logged as a warning naming the setting and the way out (one line
 * a minute at most, with a count of the ones left out). A long GC pause inside a callback counts
 * too, and the line says so. Two clock reads per callback.
 */
final class SelectorStallWatch {

    private static final Logger LOG = Logger.getLogger(SelectorStallWatch.class.getName());
    /** Thousands of echo acks' worth of selector time (13 us each): far above any non-blocking handler's. */
    static final long THRESHOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long thresholdNanos;
    private final LongSupplier nanoClock;
    private final ThrottledLog warnings;

    /** One per server (its own log throttle): {@link #THRESHOLD_NANOS} on the system clock. */
    SelectorStallWatch() {
        this(THRESHOLD_NANOS, System::nanoTime);
    }

    SelectorStallWatch(long thresholdNanos, LongSupplier nanoClock) {
        this.thresholdNanos = thresholdNanos;
        this.nanoClock = nanoClock;
        this.warnings = new ThrottledLog(LOG, Level.WARNING, 1, TimeUnit.MINUTES.toNanos(1), nanoClock);
    }

    /** Runs the connection's read callback on the selector, timing it. */
    void succeeded(org.eclipse.jetty.util.Callback read) {
        long start = nanoClock.getAsLong();
        try {
            read.succeeded();
        } finally {
            long took = nanoClock.getAsLong() - start;
            if (took >= thresholdNanos) {
                warnings.log(() -> "A websocket read took " + TimeUnit.NANOSECONDS.toMillis(took)
                        + " ms on Jetty's selector thread (socketee.websocket-io-thread=true), and every connection"
                        + " of this selector waited for it: a synchronous handler that blocks (JDBC, a remote call,"
                        + " waiting for an ack) does this, as does a long GC pause. Make blocking handlers"
                        + " @ObservesAsync, or leave socketee.websocket-io-thread off.");
            }
        }
    }
}
