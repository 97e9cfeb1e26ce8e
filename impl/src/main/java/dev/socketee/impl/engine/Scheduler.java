package dev.socketee.impl.engine;

/**
 * The clock and timers of time-dependent engine and Socket.IO code (heartbeats, upgrade, connect,
 * ack and close deadlines). {@link ExecutorScheduler} runs them on real time; tests replace it
 * with a manual one that advances time by hand and runs what falls due on the test thread.
 *
 * <pre>{@code
 * scheduler.schedule(heartbeat, pingInterval.toMillis()); // (re)arm: an armed timeout moves
 * scheduler.cancel(heartbeat);
 * }</pre>
 *
 * A timeout never expires before its delay nor later by design: deadlines are kept in
 * nanoseconds, not rounded to ticks (only the thread's wake-up latency is added).
 */
public interface Scheduler {

    /** (Re)arms {@code t} to expire {@code delayMillis} from now; an armed timeout is moved. */
    void schedule(Timeout t, long delayMillis);

    /** Disarms {@code t}; nothing happens if it is not armed or has just fallen due. */
    void cancel(Timeout t);

    /** The clock deadlines are measured on, in nanoseconds (as {@link System#nanoTime()}). */
    long nanoTime();
}
