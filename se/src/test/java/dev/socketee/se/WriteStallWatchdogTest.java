package dev.socketee.se;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.nio.transport.TCPNIOConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog on a manual nanosecond clock, with sweeps called by the test (the stall is an
 * hour, so its own sweeper never runs meanwhile): a connection with queued bytes and no write
 * progress for the stall is terminated, one that progresses or has nothing queued is not, and
 * the count follows accepts and closes.
 */
class WriteStallWatchdogTest {

    private static final Duration STALL = Duration.ofHours(1);

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final WriteStallWatchdog watchdog = new WriteStallWatchdog(STALL, nanos::get);
    private final TCPNIOTransport transport = TCPNIOTransportBuilder.newInstance().build();
    private final List<SocketChannel> channels = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        watchdog.close();
        for (SocketChannel c : channels) {
            c.close();
        }
    }

    private FakeConnection accepted() throws IOException {
        SocketChannel channel = SocketChannel.open(); // never connected: the connection needs a channel, not a peer
        channels.add(channel);
        FakeConnection c = new FakeConnection(transport, channel);
        watchdog.onAcceptEvent(null, c);
        return c;
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    /** An accepted connection with bytes in its write queue, as a peer that stopped reading leaves it. */
    private FakeConnection stuck() throws IOException {
        FakeConnection c = accepted();
        c.queue(100);
        return c;
    }

    /** Time passes, then the sweep runs: whether {@code c} was terminated. */
    private boolean terminatedAfter(Duration time, FakeConnection c) {
        advance(time);
        watchdog.sweep();
        return c.terminated;
    }

    @Test
    void countsAcceptedConnectionsUntilTheyClose() throws IOException {
        FakeConnection a = accepted();
        FakeConnection b = accepted();
        assertEquals(2, watchdog.openConnections());
        watchdog.onCloseEvent(a);
        assertEquals(1, watchdog.openConnections());
        watchdog.onCloseEvent(b);
        assertEquals(0, watchdog.openConnections());
    }

    @Test
    void queuedWritesWithoutProgressForTheStallAreTerminated() throws IOException {
        FakeConnection c = stuck();
        assertFalse(terminatedAfter(STALL.minusNanos(1), c), "1 ns before the stall");
        assertTrue(terminatedAfter(Duration.ofNanos(1), c), "at the stall");
        assertEquals(0, watchdog.openConnections(), "no longer watched");
    }

    @Test
    void writeProgressRestartsTheStall() throws IOException {
        FakeConnection c = stuck();
        advance(STALL.minusSeconds(1));
        watchdog.onWriteEvent(c, null, 10);
        assertFalse(terminatedAfter(STALL.minusSeconds(1), c), "an hour since the accept, not since the last progress");
        assertTrue(terminatedAfter(Duration.ofSeconds(1), c));
    }

    @Test
    void aWriteOfNothingIsNoProgress() throws IOException {
        FakeConnection c = stuck();
        advance(STALL.minusSeconds(1));
        watchdog.onWriteEvent(c, null, 0);
        assertTrue(terminatedAfter(Duration.ofSeconds(1), c));
    }

    @Test
    void anIdleConnectionWithNothingQueuedIsNeverTerminated() throws IOException {
        FakeConnection c = accepted();
        assertFalse(terminatedAfter(STALL.multipliedBy(10), c));
        assertEquals(1, watchdog.openConnections());
    }

    @Test
    void aConnectionWhoseQueueDrainedIsLeftAlone() throws IOException {
        FakeConnection c = stuck();
        c.drain(100);
        assertFalse(terminatedAfter(STALL, c));
    }

    @Test
    void writesOnAConnectionItNoLongerWatchesAreIgnored() throws IOException {
        FakeConnection c = accepted();
        watchdog.onCloseEvent(c);
        watchdog.onWriteEvent(c, null, 10);
        assertEquals(0, watchdog.openConnections(), "a write does not bring it back");
        c.queue(100);
        assertFalse(terminatedAfter(STALL, c));
    }

    /** A Grizzly connection whose write queue the test fills; a terminate is only recorded. */
    private static final class FakeConnection extends TCPNIOConnection {
        volatile boolean terminated;

        FakeConnection(TCPNIOTransport transport, SocketChannel channel) {
            super(transport, channel);
        }

        /** Bytes waiting in the async write queue, as a peer that stopped reading leaves them. */
        void queue(int bytes) {
            getAsyncWriteQueue().reserveSpace(bytes);
        }

        void drain(int bytes) {
            getAsyncWriteQueue().releaseSpace(bytes);
        }

        @Override
        public void terminateSilently() {
            terminated = true;
        }

        @Override
        public SocketAddress getPeerAddress() {
            return InetSocketAddress.createUnresolved("127.0.0.1", 1);
        }
    }
}
