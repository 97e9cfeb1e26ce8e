package dev.socketee.impl.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.engine.ManualScheduler;
import dev.socketee.impl.engine.Scheduler;
import dev.socketee.impl.engine.Timeout;
import org.junit.jupiter.api.Test;

/** Liveness follows the engine's timer: up while it runs, down once it has not run for six periods. */
class TimerProbeTest {

    @Test
    void upWhileTheTimerRuns() {
        ManualScheduler timer = new ManualScheduler();
        TimerProbe probe = new TimerProbe(timer, 1_000).start();
        for (int i = 0; i < 20; i++) {
            timer.advanceMillis(1_000);
            assertTrue(probe.isRunning());
            assertEquals(0, probe.millisSinceLastRun());
        }
    }

    @Test
    void downWhenTheTimerStopsRunning() {
        ManualScheduler clock = new ManualScheduler();
        Scheduler stuck = new Scheduler() { // a timer whose thread never runs what is due
            @Override
            public void schedule(Timeout t, long delayMillis) {
            }

            @Override
            public void cancel(Timeout t) {
            }

            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }
        };
        TimerProbe probe = new TimerProbe(stuck, 1_000).start();
        clock.advanceMillis(5_999);
        assertTrue(probe.isRunning());
        clock.advanceMillis(1);
        assertFalse(probe.isRunning());
        assertEquals(6_000, probe.millisSinceLastRun());
    }

    @Test
    void downOnceStopped() {
        ManualScheduler timer = new ManualScheduler();
        TimerProbe probe = new TimerProbe(timer, 1_000).start();
        probe.stop();
        assertFalse(probe.isRunning());
    }
}
