package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real-time scheduler: never early, expiries on the engine pool, moves and cancels, one slow expiry stalls no other. */
class ExecutorSchedulerTest {

    private final ExecutorScheduler scheduler = new ExecutorScheduler("test", 2);

    @AfterEach
    void close() {
        scheduler.close();
    }

    private static class Probe extends Timeout {
        final CountDownLatch fired = new CountDownLatch(1);
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong firedAt = new AtomicLong();
        final AtomicReference<String> thread = new AtomicReference<>();

        @Override
        protected void expire() {
            firedAt.set(System.nanoTime());
            thread.set(Thread.currentThread().getName());
            count.incrementAndGet();
            fired.countDown();
        }
    }

    @Test
    void firesNoEarlierThanItsDelayOnAnEngineThread() throws InterruptedException {
        Probe p = new Probe();
        long start = System.nanoTime();
        scheduler.schedule(p, 50);
        assertTrue(p.fired.await(5, TimeUnit.SECONDS));
        assertTrue(p.firedAt.get() - start >= TimeUnit.MILLISECONDS.toNanos(50), "fired early");
        assertTrue(p.thread.get().startsWith("test-engine-"), p.thread::get);
    }

    @Test
    void reschedulingMovesTheTimeoutAndItFiresOnce() throws InterruptedException {
        Probe p = new Probe();
        Probe later = new Probe();
        long start = System.nanoTime();
        scheduler.schedule(p, 20);
        scheduler.schedule(p, 120);
        scheduler.schedule(later, 200);
        assertTrue(p.fired.await(5, TimeUnit.SECONDS));
        assertTrue(p.firedAt.get() - start >= TimeUnit.MILLISECONDS.toNanos(120), "fired at the first deadline");
        assertTrue(later.fired.await(5, TimeUnit.SECONDS)); // the first arming would have fired long before
        assertEquals(1, p.count.get());
    }

    @Test
    void aCancelledTimeoutNeverFires() throws InterruptedException {
        Probe p = new Probe();
        Probe witness = new Probe();
        scheduler.schedule(p, 20);
        scheduler.cancel(p);
        scheduler.schedule(witness, 60);
        assertTrue(witness.fired.await(5, TimeUnit.SECONDS));
        assertEquals(0, p.count.get());
    }

    @Test
    void aSlowExpiryDelaysNoOtherTimer() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Probe slow = new Probe() {
            @Override
            protected void expire() {
                super.expire();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Probe other = new Probe();
        scheduler.schedule(slow, 10);
        assertTrue(slow.fired.await(5, TimeUnit.SECONDS));
        scheduler.schedule(other, 10);
        assertTrue(other.fired.await(5, TimeUnit.SECONDS), "stuck behind the slow one");
        release.countDown();
    }

    @Test
    void aFailingCallbackStopsNothing() throws InterruptedException {
        Timeout bad = new Timeout() {
            @Override
            protected void expire() {
                throw new IllegalStateException("boom");
            }
        };
        Probe p = new Probe();
        scheduler.schedule(bad, 10);
        scheduler.schedule(p, 40);
        assertTrue(p.fired.await(5, TimeUnit.SECONDS));
    }

    @Test
    void nothingFiresAfterClose() throws InterruptedException {
        Probe p = new Probe();
        scheduler.schedule(p, 30);
        scheduler.close();
        scheduler.schedule(new Probe(), 10);
        assertFalse(p.fired.await(100, TimeUnit.MILLISECONDS));
    }
}
