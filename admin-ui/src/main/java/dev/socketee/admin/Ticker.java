package dev.socketee.admin;

import dev.socketee.impl.engine.Scheduler;
import dev.socketee.impl.engine.Timeout;
import java.time.Duration;
import java.util.concurrent.Executor;

/** Runs something at a fixed interval; tests replace it with one they tick by hand. */
@FunctionalInterface
interface Ticker {

    /** Starts running {@code task} every {@code interval}; closing stops it. */
    AutoCloseable every(Duration interval, Runnable task);

    /** On the engine's scheduler, the task on {@code executor} (it emits, which may reach the application's JSON-B). */
    static Ticker on(Scheduler scheduler, Executor executor) {
        return (interval, task) -> {
            Repeating r = new Repeating(scheduler, executor, interval.toMillis(), task);
            scheduler.schedule(r, interval.toMillis());
            return r::stop;
        };
    }

    /** Re-arms itself after each run until stopped. */
    final class Repeating extends Timeout {
        private final Scheduler scheduler;
        private final Executor executor;
        private final long millis;
        private final Runnable task;
        private volatile boolean stopped;

        Repeating(Scheduler scheduler, Executor executor, long millis, Runnable task) {
            this.scheduler = scheduler;
            this.executor = executor;
            this.millis = millis;
            this.task = task;
        }

        @Override
        protected void expire() {
            if (stopped) {
                return;
            }
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    if (!stopped) {
                        scheduler.schedule(this, millis);
                    }
                }
            });
        }

        void stop() {
            stopped = true;
            scheduler.cancel(this);
        }
    }
}
