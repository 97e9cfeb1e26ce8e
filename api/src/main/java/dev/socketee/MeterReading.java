package dev.socketee;

import java.util.Map;

/**
 * One of the server's meters, read now (README, "Health and metrics"): its dotted name
 * ({@code socketee.events.in}; Prometheus shows it as {@code socketee_events_in_total}), its tags
 * ({@code namespace}, {@code transport}, {@code reason}) and its value. Counters only grow; gauges
 * are the value at this read.
 *
 * @param name    dotted meter name
 * @param tags    its labels (empty for most)
 * @param counter true for a counter, false for a gauge
 * @param value   the value now
 */
public record MeterReading(String name, Map<String, String> tags, boolean counter, double value) {

    public MeterReading {
        tags = Map.copyOf(tags);
    }
}
