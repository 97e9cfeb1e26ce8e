package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerWheelTest {

    private final TimerWheel wheel = new TimerWheel(5, 64, "test-timer");

    @AfterEach
    void close() {
        wheel.close();
    }

    private static final class Probe extends TimerWheel.Timeout {
        final CountDownLatch fired = new CountDownLatch(1);
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong firedAt = new AtomicLong();

        @Override
        protected void expire() {
            firedAt.set(System.nanoTime());
            count.incrementAndGet();
            fired.countDown();
        }
    }

    @Test
    void firesNoEarlierThanTheDelayAndWithinTwoTicks() throws InterruptedException {
        Probe p = new Probe();
        long start = System.nanoTime();
        wheel.schedule(p, 50);
        assertTrue(p.fired.await(2, TimeUnit.SECONDS));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(p.firedAt.get() - start);
        assertTrue(elapsedMs >= 50, "fired early: " + elapsedMs);
        assertTrue(elapsedMs < 50 + 200, "fired late: " + elapsedMs); // 5 ms ticks; wide slack for a busy CI core
    }

    @Test
    void delaysLongerThanOneTurnOfTheWheelStillFireOnTime() throws InterruptedException {
        Probe p = new Probe();
        long start = System.nanoTime();
        wheel.schedule(p, 700); // 64 slots x 5 ms = 320 ms per turn
        assertTrue(p.fired.await(3, TimeUnit.SECONDS));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(p.firedAt.get() - start);
        assertTrue(elapsedMs >= 700 && elapsedMs < 700 + 250, "elapsed " + elapsedMs); // one turn late would be +320
    }

    @Test
    void cancelledTimeoutNeverFires() throws InterruptedException {
        Probe p = new Probe();
        wheel.schedule(p, 20);
        wheel.cancel(p);
        assertFalse(p.fired.await(150, TimeUnit.MILLISECONDS));
    }

    @Test
    void reschedulingMovesTheTimeoutAndFiresOnce() throws InterruptedException {
        Probe p = new Probe();
        long start = System.nanoTime();
        wheel.schedule(p, 20);
        wheel.schedule(p, 120);
        assertTrue(p.fired.await(2, TimeUnit.SECONDS));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(p.firedAt.get() - start);
        assertTrue(elapsedMs >= 120, "fired at the first deadline: " + elapsedMs);
        Thread.sleep(50);
        assertEquals(1, p.count.get());
    }

    @Test
    void manyTimeoutsInOneSlotAllFire() throws InterruptedException {
        Probe[] probes = new Probe[1000];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = new Probe();
            wheel.schedule(probes[i], 30 + (i % 7));
        }
        for (Probe p : probes) {
            assertTrue(p.fired.await(2, TimeUnit.SECONDS));
            assertEquals(1, p.count.get());
        }
    }

    @Test
    void aFailingCallbackDoesNotStopTheWheel() throws InterruptedException {
        TimerWheel.Timeout bad = new TimerWheel.Timeout() {
            @Override
            protected void expire() {
                throw new IllegalStateException("boom");
            }
        };
        Probe p = new Probe();
        wheel.schedule(bad, 10);
        wheel.schedule(p, 40);
        assertTrue(p.fired.await(2, TimeUnit.SECONDS));
    }
}
