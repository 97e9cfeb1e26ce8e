package dev.socketee.impl.metrics;

import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * One value an exporter publishes: a dotted name ({@code socketee.events.in}), what it means, a
 * counter (only grows) or a gauge (the value now), its tags, and where the value is read from
 * when the registry asks. Registries name it their way (Prometheus: {@code socketee_events_in_total}).
 */
public record Meter(String name, String help, Kind kind, Map<String, String> tags, DoubleSupplier value) {

    public enum Kind { COUNTER, GAUGE }

    public static Meter counter(String name, String help, Map<String, String> tags, DoubleSupplier value) {
        return new Meter(name, help, Kind.COUNTER, tags, value);
    }

    public static Meter gauge(String name, String help, Map<String, String> tags, DoubleSupplier value) {
        return new Meter(name, help, Kind.GAUGE, tags, value);
    }
}
