package dev.socketee.impl.engine.transport.jettycore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.support.LogCapture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectorStallWatchTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final SelectorStallWatch watch = new SelectorStallWatch(100 * MS, clock::get);
    private LogCapture log;

    @BeforeEach
    void listen() {
        log = LogCapture.of(SelectorStallWatch.class).quiet(); // the lines are asserted, not printed
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    /** A read callback that keeps the selector for {@code millis} of the fake clock. */
    private Callback taking(long millis) {
        return new Callback() {
            @Override
            public void succeeded() {
                clock.addAndGet(millis * MS);
            }
        };
    }

    @Test
    void aQuickReadIsNotLogged() {
        watch.succeeded(taking(99));
        assertTrue(log.records().isEmpty());
    }

    @Test
    void aReadThatBlockedTheSelectorIsLoggedWithItsDurationAndTheWayOut() {
        watch.succeeded(taking(250));

        assertEquals(1, log.records().size());
        LogRecord line = log.records().get(0);
        assertEquals(Level.WARNING, line.getLevel());
        assertTrue(line.getMessage().contains("250 ms"), line.getMessage());
        assertTrue(line.getMessage().contains("socketee.websocket-io-thread"), line.getMessage());
        assertTrue(line.getMessage().contains("@ObservesAsync"), line.getMessage());
    }

    @Test
    void aSelectorBlockedAgainAndAgainLogsOneLineAMinute() {
        for (int i = 0; i < 5; i++) {
            watch.succeeded(taking(150));
        }
        assertEquals(1, log.records().size());

        clock.addAndGet(TimeUnit.MINUTES.toNanos(1));
        watch.succeeded(taking(150));

        assertEquals(2, log.records().size());
        assertTrue(log.records().get(1).getMessage().contains("4 similar line(s) left out"), log.records().get(1).getMessage());
    }

    @Test
    void aCallbackThatThrowsIsTimedAndItsExceptionGoesOn() {
        Callback failing = new Callback() {
            @Override
            public void succeeded() {
                clock.addAndGet(300 * MS);
                throw new IllegalStateException("handler failed");
            }
        };

        assertThrows(IllegalStateException.class, () -> watch.succeeded(failing));
        assertEquals(1, log.records().size());
    }

    @Test
    void theEndPointsReadCallbacksGoThroughTheWatch() {
        ByteArrayEndPoint socket = new ByteArrayEndPoint();
        IoThreadEndPoint watched = new IoThreadEndPoint(socket, watch);
        watched.fillInterested(taking(500));
        socket.addInput("x"); // ByteArrayEndPoint runs the registered callback

        assertEquals(1, log.records().size(), "the selector's run of the read callback was timed");
    }
}
