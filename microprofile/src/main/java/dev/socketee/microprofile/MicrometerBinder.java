package dev.socketee.microprofile;

import dev.socketee.impl.metrics.Meter;
import dev.socketee.impl.metrics.MetricsBinder;
import dev.socketee.impl.metrics.SocketeeMeters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The meters in the server's Micrometer registry (WildFly's micrometer subsystem, which scrapes
 * it at its Prometheus context on the management port or pushes it over OTLP): counters as
 * function counters, gauges as gauges, both read on each scrape.
 */
@ApplicationScoped
public class MicrometerBinder implements MetricsBinder {

    @Inject
    Instance<MeterRegistry> registries;

    private final List<io.micrometer.core.instrument.Meter> registered = new ArrayList<>();
    private MeterRegistry registry;

    @Override
    public synchronized void bind(SocketeeMeters meters) {
        if (!registries.isResolvable()) {
            return;
        }
        registry = registries.get();
        for (Meter m : meters.all()) {
            Tags tags = tags(m.tags());
            registered.add(m.kind() == Meter.Kind.COUNTER
                    ? FunctionCounter.builder(m.name(), m, x -> x.value().getAsDouble()).description(m.help()).tags(tags).register(registry)
                    : Gauge.builder(m.name(), m, x -> x.value().getAsDouble()).description(m.help()).tags(tags).register(registry));
        }
    }

    @Override
    public synchronized void unbind() {
        if (registry != null) {
            registered.forEach(registry::remove);
        }
        registered.clear();
    }

    private static Tags tags(Map<String, String> tags) {
        Tags t = Tags.empty();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            t = t.and(e.getKey(), e.getValue());
        }
        return t;
    }
}
