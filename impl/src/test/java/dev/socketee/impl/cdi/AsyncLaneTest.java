package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One socket's share of the async executor. */
class AsyncLaneTest {

    /** An executor that runs nothing until told, so the test decides when jobs finish. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();
        boolean refuse;

        @Override
        public void execute(Runnable r) {
            if (refuse) {
                throw new RejectedExecutionException("full");
            }
            tasks.add(r);
        }

        void runOne() {
            tasks.remove().run();
        }
    }

    @Test
    void atMostMaxInFlightReachTheExecutorTheRestWaitInOrderThenAreRejected() {
        ManualExecutor ex = new ManualExecutor();
        AsyncLane lane = new AsyncLane(ex, 2, 3);
        List<Integer> ran = new ArrayList<>();
        List<Integer> rejected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int n = i;
            lane.submit(() -> ran.add(n), () -> rejected.add(n));
        }
        assertEquals(2, ex.tasks.size(), "in the executor");
        assertEquals(3, lane.waiting());
        assertEquals(List.of(5, 6), rejected, "beyond the queue: rejected at once");
        while (!ex.tasks.isEmpty()) {
            assertTrue(ex.tasks.size() <= 2);
            ex.runOne();
        }
        assertEquals(List.of(0, 1, 2, 3, 4), ran, "the socket's order");
        assertEquals(0, lane.inFlight());
        lane.submit(() -> ran.add(9), () -> rejected.add(9));
        assertEquals(1, ex.tasks.size(), "a free lane starts at once");
    }

    @Test
    void aNewcomerNeverOvertakesWaitingJobs() {
        ManualExecutor ex = new ManualExecutor();
        AsyncLane lane = new AsyncLane(ex, 1, 5);
        List<Integer> ran = new ArrayList<>();
        lane.submit(() -> ran.add(0), () -> { });
        lane.submit(() -> ran.add(1), () -> { });
        ex.runOne(); // 0 done: its slot goes to 1
        lane.submit(() -> ran.add(2), () -> { });
        ex.runOne();
        ex.runOne();
        assertEquals(List.of(0, 1, 2), ran);
    }

    @Test
    void whatTheExecutorRefusesIsRejectedAndFreesItsSlot() {
        ManualExecutor ex = new ManualExecutor();
        AsyncLane lane = new AsyncLane(ex, 1, 5);
        List<Integer> rejected = new ArrayList<>();
        lane.submit(() -> { }, () -> rejected.add(0));
        lane.submit(() -> { }, () -> rejected.add(1));
        lane.submit(() -> { }, () -> rejected.add(2));
        ex.refuse = true;
        ex.runOne(); // 0 finishes; 1 and 2 cannot be handed over
        assertEquals(List.of(1, 2), rejected);
        assertEquals(0, lane.inFlight());
        assertEquals(0, lane.waiting());
        ex.refuse = false;
        lane.submit(() -> { }, () -> rejected.add(3));
        assertEquals(1, ex.tasks.size());
    }

    @Test
    void aThrowingJobStillFreesItsSlot() {
        ManualExecutor ex = new ManualExecutor();
        AsyncLane lane = new AsyncLane(ex, 1, 1);
        lane.submit(() -> {
            throw new IllegalStateException("boom");
        }, () -> { });
        try {
            ex.runOne();
        } catch (IllegalStateException expected) {
            // the executor sees it, as before
        }
        assertEquals(0, lane.inFlight());
    }

    /** On a real pool with many threads submitting: never more than maxInFlight at once, nothing lost. */
    @Test
    void concurrentSubmitsOnARealPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ExecutorService submitters = Executors.newFixedThreadPool(3);
        try {
            AsyncLane lane = new AsyncLane(pool, 2, 10);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxSeen = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            List<Integer> rejected = new CopyOnWriteArrayList<>();
            int total = 3 * 500;
            CountDownLatch all = new CountDownLatch(total);
            for (int t = 0; t < 3; t++) {
                submitters.execute(() -> {
                    for (int i = 0; i < 500; i++) {
                        lane.submit(() -> {
                            maxSeen.accumulateAndGet(running.incrementAndGet(), Math::max);
                            running.decrementAndGet();
                            done.incrementAndGet();
                            all.countDown();
                        }, () -> {
                            rejected.add(1);
                            all.countDown();
                        });
                    }
                });
            }
            assertTrue(all.await(10, TimeUnit.SECONDS));
            assertTrue(maxSeen.get() <= 2, "at once: " + maxSeen.get());
            assertEquals(total, done.get() + rejected.size());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (lane.inFlight() != 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(0, lane.inFlight());
        } finally {
            submitters.shutdownNow();
            pool.shutdownNow();
        }
    }
}
