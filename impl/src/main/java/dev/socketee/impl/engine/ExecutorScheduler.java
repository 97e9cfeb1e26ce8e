package dev.socketee.impl.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real-time {@link Scheduler} of one server: one timer thread (the JDK's
 * {@link ScheduledThreadPoolExecutor}, remove-on-cancel) that only waits for deadlines and hands
 * each due timeout to a small engine pool, where {@link Timeout#expire()} runs. So a slow send in
 * one expiry (a ping on a congested transport) delays no other timer.
 *
 * <p>Chosen over the hand-written 5 ms timer wheel it replaces after measuring both at 10k
 * sessions ({@code bench/TimerBench}): a re-arm costs ~210 ns and ~100 B here against ~50 ns
 * and nothing on the wheel, but at heartbeat rates (~800 arms/s) that is ~0.2 ms of CPU a
 * second, while the wheel woke 200 times a second and spent ~11 ms of CPU a second ticking
 * whether or not anything was due, and fired up to two ticks late. This thread sleeps until the
 * next deadline and wakes only for due work.
 *
 * <p>The engine pool's queue is bounded; when it is full the timer thread runs the expiry itself
 * rather than drop it (a dropped heartbeat would leave a session that never times out).
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExecutorScheduler.class.getName());

    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor engine;

    /** @param name names the threads: {@code name-timer}, {@code name-engine-N} */
    public ExecutorScheduler(String name, int engineThreads) {
        this.timer = new ScheduledThreadPoolExecutor(1, daemon(name + "-timer", false));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.engine = new ThreadPoolExecutor(engineThreads, engineThreads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(65_536), daemon(name + "-engine", true), new ThreadPoolExecutor.CallerRunsPolicy());
        // started now, on the deploying thread: not later by whichever request thread arms first
        timer.prestartAllCoreThreads();
        engine.prestartAllCoreThreads();
    }

    static ThreadFactory daemon(String name, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? name + "-" + n.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One arming of one timeout: due on the timer thread, expired on the engine pool. */
    private final class Arming implements Runnable {
        final Timeout timeout;
        volatile Future<?> future;

        Arming(Timeout timeout) {
            this.timeout = timeout;
        }

        @Override
        public void run() {
            if (engine.isShutdown()) {
                return;
            }
            engine.execute(this::expire);
        }

        private void expire() {
            try {
                timeout.expireIfCurrent(this);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Timeout callback failed", e);
            }
        }
    }

    @Override
    public void schedule(Timeout t, long delayMillis) {
        Arming next = new Arming(t);
        Object previous;
        synchronized (t) {
            previous = t.armed;
            t.armed = next;
            try {
                next.future = timer.schedule(next, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                t.armed = null; // the server is stopping: nothing fires any more
            }
        }
        cancelFuture(previous);
    }

    @Override
    public void cancel(Timeout t) {
        Object previous;
        synchronized (t) {
            previous = t.armed;
            t.armed = null;
        }
        cancelFuture(previous);
    }

    private static void cancelFuture(Object arming) {
        if (arming instanceof Arming a && a.future != null) {
            a.future.cancel(false);
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        engine.shutdownNow();
    }
}
