package dev.socketee.examples;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/** Counts the events handled by the example handlers; the dashboard samples it once a second. */
@ApplicationScoped
public class EventCounter {

    private final LongAdder count = new LongAdder();

    /** Called by every example handler. */
    public void increment() {
        count.increment();
    }

    /** The events since the previous call (the dashboard calls it every second). */
    public long sampleAndReset() {
        return count.sumThenReset();
    }
}
