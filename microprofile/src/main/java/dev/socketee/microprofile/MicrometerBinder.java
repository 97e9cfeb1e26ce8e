package dev.socketee.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import dev.socketee.impl.metrics.Meter;
import dev.socketee.impl.metrics.MetricsBinder;
import dev.socketee.impl.metrics.SocketeeMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The meters in the server's Micrometer registry (WildFly's micrometer subsystem, which scrapes
 * it at its Prometheus context on the management port or pushes it over OTLP): counters as
 * function counters, gauges as gauges, both read on each scrape. Without descriptions: WildFly's
 * deployment registry forwards only the methods that take none.
 */
@ApplicationScoped
public class MicrometerBinder implements MetricsBinder {

    @Inject
    Instance<MeterRegistry> registries;

    private final List<io.micrometer.core.instrument.Meter> registered = new ArrayList<>();
    /** Micrometer holds what a gauge or function counter reads only weakly: these keep them readable. */
    private final List<Meter> held = new ArrayList<>();
    private MeterRegistry registry;

    @Override
    public synchronized void bind(SocketeeMeters meters) {
        if (!registries.isResolvable()) {
            java.util.logging.Logger.getLogger(getClass().getName()).warning("socketee-microprofile: no MeterRegistry bean to register the Socketee meters in");
            return;
        }
        registry = registries.get();
        // the registry's own methods, not the meter builders: WildFly's per-deployment registry
        // passes those on to the exported one (adding the deployment tag); what a builder
        // registers stays in the deployment registry, never scraped
        for (Meter m : meters.all()) {
            held.add(m);
            Tags tags = tags(m.tags());
            if (m.kind() == Meter.Kind.COUNTER) {
                registry.more().counter(m.name(), tags, m, x -> x.value().getAsDouble());
            } else {
                registry.gauge(m.name(), tags, m, x -> x.value().getAsDouble());
            }
            io.micrometer.core.instrument.Meter made = registry.find(m.name()).tags(tags).meter();
            if (made != null) {
                registered.add(made);
            }
        }
    }

    @Override
    public synchronized void unbind() {
        if (registry != null) {
            registered.forEach(registry::remove);
        }
        registered.clear();
        held.clear();
    }

    private static Tags tags(Map<String, String> tags) {
        Tags t = Tags.empty();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            t = t.and(e.getKey(), e.getValue());
        }
        return t;
    }
}
