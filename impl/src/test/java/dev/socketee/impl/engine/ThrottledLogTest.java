package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.support.LogCapture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    private final Logger logger = Logger.getAnonymousLogger();
    private final LogCapture capture = LogCapture.of(logger).quiet();

    @Test
    void writesAtMostTheQuotaPerWindowAndCountsTheRest() {
        AtomicLong now = new AtomicLong();
        ThrottledLog log = new ThrottledLog(logger, Level.INFO, 3, 1_000, now::get);
        AtomicLong built = new AtomicLong();
        for (int i = 0; i < 3000; i++) {
            int n = i;
            log.log(() -> {
                built.incrementAndGet();
                return "bad packet " + n;
            });
        }
        assertEquals(3, capture.messages().size());
        assertEquals(3, built.get(), "suppressed capture.messages() build no message");
        assertEquals(2997, log.suppressedCount());

        now.addAndGet(1_000);
        log.log(() -> "next window");
        assertEquals(4, capture.messages().size());
        assertTrue(capture.messages().get(3).startsWith("next window (2997 similar"), capture.messages().get(3));
        assertEquals(0, log.suppressedCount());
    }

    @Test
    void nothingIsBuiltWhenTheLevelIsOff() {
        logger.setLevel(Level.WARNING);
        ThrottledLog log = new ThrottledLog(logger, Level.INFO, 3, 1_000, () -> 0);
        log.log(() -> {
            throw new AssertionError("must not be built");
        });
        assertEquals(0, capture.messages().size());
    }
}
