package dev.socketee.impl.health;

import dev.socketee.impl.engine.Scheduler;
import dev.socketee.impl.engine.Timeout;

/**
 * Proof that the engine's timers run (heartbeats, ack and connect deadlines all ride on them): a
 * timeout that re-arms itself every {@code periodMillis} and notes when it last ran. Liveness is
 * down when it has not run for {@link #STALE_PERIODS} periods (a dead or starved timer thread).
 */
public final class TimerProbe extends Timeout {

    static final int STALE_PERIODS = 6;

    private final Scheduler timer;
    private final long periodMillis;
    private volatile long lastRunNanos;
    private volatile boolean stopped;

    public TimerProbe(Scheduler timer, long periodMillis) {
        this.timer = timer;
        this.periodMillis = periodMillis;
        this.lastRunNanos = timer.nanoTime();
    }

    public TimerProbe start() {
        timer.schedule(this, periodMillis);
        return this;
    }

    public void stop() {
        stopped = true;
        timer.cancel(this);
    }

    @Override
    protected void expire() {
        lastRunNanos = timer.nanoTime();
        if (!stopped) {
            timer.schedule(this, periodMillis);
        }
    }

    /** Milliseconds since the probe last ran. */
    public long millisSinceLastRun() {
        return (timer.nanoTime() - lastRunNanos) / 1_000_000;
    }

    public boolean isRunning() {
        return !stopped && millisSinceLastRun() < STALE_PERIODS * periodMillis;
    }
}
