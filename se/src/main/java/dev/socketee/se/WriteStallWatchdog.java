package dev.socketee.se;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Tears down TCP connections whose queued writes made no progress for {@code stall}: a peer that
 * stops reading. Tyrus on Grizzly closes a connection gracefully (Grizzly writes the close after
 * everything queued, which a peer that does not read never takes), and its session idle timeout
 * stops with the session, so without this such a connection, its fd and its buffers stay
 * forever: Socketee's close deadline ({@code closeTimeout}, enforced on Jetty by the container's
 * idle timeout) has no portable way to reach Grizzly. Also counts the open connections.
 */
final class WriteStallWatchdog extends ConnectionProbe.Adapter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WriteStallWatchdog.class.getName());

    private final long stallNanos;
    private final LongSupplier clock;
    /** Per accepted connection: when its writes last made progress (or it was accepted). */
    private final Map<Connection<?>, Long> lastProgress = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    WriteStallWatchdog(Duration stall, LongSupplier clock) {
        this.stallNanos = stall.toNanos();
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "socketee-write-stall-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, stall.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    int openConnections() {
        return lastProgress.size();
    }

    @Override
    public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
        lastProgress.put(clientConnection, clock.getAsLong());
    }

    @Override
    public void onWriteEvent(Connection connection, Buffer data, long size) {
        if (size > 0) {
            lastProgress.computeIfPresent(connection, (c, t) -> clock.getAsLong());
        }
    }

    @Override
    public void onCloseEvent(Connection connection) {
        lastProgress.remove(connection);
    }

    /** Terminates (no graceful close: it would wait behind the stuck writes) every stalled connection. */
    void sweep() {
        long now = clock.getAsLong();
        lastProgress.forEach((c, last) -> {
            if (now - last >= stallNanos && c instanceof NIOConnection n && !n.getAsyncWriteQueue().isEmpty()) {
                LOG.fine(() -> "terminating " + c.getPeerAddress() + ": its writes made no progress for "
                        + TimeUnit.NANOSECONDS.toMillis(now - last) + " ms");
                lastProgress.remove(c);
                c.terminateSilently();
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
