package dev.socketee.impl.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One hashed timer wheel for every heartbeat, connect and upgrade timeout of a server: a single
 * daemon thread ticks every {@code tickMillis}; timeouts are intrusive list nodes that their
 * owners reuse, so re-arming a heartbeat allocates nothing. Expiry callbacks run on the timer
 * thread and must not block.
 */
public final class TimerWheel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TimerWheel.class.getName());

    /** A reusable timeout; subclasses say what happens on expiry. */
    public abstract static class Timeout {
        private long deadline;
        private int slot = -1;
        private Timeout prev;
        private Timeout next;

        protected abstract void expire();
    }

    private final long tickNanos;
    private final Timeout[] slots;
    private final int mask;
    private final long origin = System.nanoTime();
    private final ScheduledThreadPoolExecutor ticker;
    private long processedTick;

    public TimerWheel(long tickMillis, int slotCount, String threadName) {
        if (Integer.bitCount(slotCount) != 1) {
            throw new IllegalArgumentException("slotCount must be a power of two");
        }
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(tickMillis);
        this.slots = new Timeout[slotCount];
        this.mask = slotCount - 1;
        this.ticker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** (Re)arms {@code t} to expire after {@code delayMillis}; an armed timeout is moved. */
    public void schedule(Timeout t, long delayMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        long tick = Math.floorDiv(deadline - origin + tickNanos - 1, tickNanos);
        synchronized (this) {
            unlink(t);
            if (tick <= processedTick) {
                tick = processedTick + 1;
            }
            t.deadline = deadline;
            int s = (int) (tick & mask);
            t.slot = s;
            t.next = slots[s];
            if (t.next != null) {
                t.next.prev = t;
            }
            slots[s] = t;
        }
    }

    public void cancel(Timeout t) {
        synchronized (this) {
            unlink(t);
        }
    }

    private void unlink(Timeout t) {
        if (t.slot < 0) {
            return;
        }
        if (t.prev != null) {
            t.prev.next = t.next;
        } else {
            slots[t.slot] = t.next;
        }
        if (t.next != null) {
            t.next.prev = t.prev;
        }
        t.prev = t.next = null;
        t.slot = -1;
    }

    private void tick() {
        long now = System.nanoTime();
        long target = Math.floorDiv(now - origin, tickNanos);
        List<Timeout> due = null;
        synchronized (this) {
            while (processedTick < target) {
                processedTick++;
                Timeout t = slots[(int) (processedTick & mask)];
                while (t != null) {
                    Timeout next = t.next;
                    if (t.deadline - now <= 0) {
                        unlink(t);
                        if (due == null) {
                            due = new ArrayList<>();
                        }
                        due.add(t);
                    }
                    t = next;
                }
            }
        }
        if (due != null) {
            for (Timeout t : due) {
                try {
                    t.expire();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Timeout callback failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
