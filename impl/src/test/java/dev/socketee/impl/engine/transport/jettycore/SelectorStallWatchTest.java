package dev.socketee.impl.engine.transport.jettycore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectorStallWatchTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final SelectorStallWatch watch = new SelectorStallWatch(100 * MS, clock::get);
    private final Logger logger = Logger.getLogger(SelectorStallWatch.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
        logger.setUseParentHandlers(false); // the lines are asserted, not printed
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
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
        assertTrue(logged.isEmpty());
    }

    @Test
    void aReadThatBlockedTheSelectorIsLoggedWithItsDurationAndTheWayOut() {
        watch.succeeded(taking(250));

        assertEquals(1, logged.size());
        LogRecord line = logged.get(0);
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
        assertEquals(1, logged.size());

        clock.addAndGet(TimeUnit.MINUTES.toNanos(1));
        watch.succeeded(taking(150));

        assertEquals(2, logged.size());
        assertTrue(logged.get(1).getMessage().contains("4 similar line(s) left out"), logged.get(1).getMessage());
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
        assertEquals(1, logged.size());
    }

    @Test
    void theEndPointsReadCallbacksGoThroughTheWatch() {
        ByteArrayEndPoint socket = new ByteArrayEndPoint();
        IoThreadEndPoint watched = new IoThreadEndPoint(socket, watch);
        watched.fillInterested(taking(500));
        socket.addInput("x"); // ByteArrayEndPoint runs the registered callback

        assertEquals(1, logged.size(), "the selector's run of the read callback was timed");
    }
}
