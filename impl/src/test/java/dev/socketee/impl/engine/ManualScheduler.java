package dev.socketee.impl.engine;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} for tests: time stands still until {@link #advance} moves it, and what
 * falls due runs then, in deadline order, on the thread that advances (timeouts armed while
 * advancing run too if they fall due within the step). No thread, no sleep.
 */
public final class ManualScheduler implements Scheduler {

    private record Entry(long due, long seq, Timeout timeout) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void schedule(Timeout t, long delayMillis) {
        synchronized (this) {
            Entry e = new Entry(now + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMillis)), seq++, t);
            synchronized (t) {
                t.armed = e;
            }
            queue.add(e);
        }
    }

    @Override
    public void cancel(Timeout t) {
        synchronized (t) {
            t.armed = null;
        }
    }

    /** Moves the clock by {@code step}, running every timeout that falls due on the way. */
    public void advance(Duration step) {
        long target;
        synchronized (this) {
            target = now + step.toNanos();
        }
        for (;;) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = Math.max(now, next.due);
            }
            next.timeout.expireIfCurrent(next); // outside the lock, as on the engine pool
        }
    }

    /** Moves the clock only, as if the timer thread were late: nothing runs until the next {@link #advance}. */
    public synchronized void advanceClockOnly(Duration step) {
        now += step.toNanos();
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Whether {@code t} is armed now. */
    public boolean isArmed(Timeout t) {
        synchronized (t) {
            return t.armed != null;
        }
    }

    /** Milliseconds until {@code t} falls due, or -1 when it is not armed. */
    public synchronized long millisUntil(Timeout t) {
        Object armed;
        synchronized (t) {
            armed = t.armed;
        }
        return armed instanceof Entry e ? TimeUnit.NANOSECONDS.toMillis(e.due - now) : -1;
    }
}
