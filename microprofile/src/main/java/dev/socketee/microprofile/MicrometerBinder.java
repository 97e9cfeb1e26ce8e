package dev.socketee.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import dev.socketee.impl.metrics.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The meters in the server's Micrometer registry (WildFly's micrometer subsystem, which scrapes
 * it at its Prometheus context on the management port or pushes it over OTLP): counters as
 * function counters, gauges as gauges, both read on each scrape. Without descriptions: WildFly's
 * deployment registry forwards only the methods that take none. Micrometer holds what a gauge or
 * function counter reads only weakly: {@link RegistryBinder} keeps the meters readable.
 */
@ApplicationScoped
public class MicrometerBinder extends RegistryBinder<MeterRegistry, io.micrometer.core.instrument.Meter> {

    public MicrometerBinder() {
        super("MeterRegistry");
    }

    @Inject
    Instance<MeterRegistry> registries;

    @Override
    protected Instance<MeterRegistry> registries() {
        return registries;
    }

    /**
     * The registry's own methods, not the meter builders: WildFly's per-deployment registry
     * passes those on to the exported one (adding the deployment tag); what a builder registers
     * stays in the deployment registry, never scraped.
     */
    @Override
    protected io.micrometer.core.instrument.Meter register(MeterRegistry registry, Meter m) {
        Tags tags = tags(m.tags());
        if (m.kind() == Meter.Kind.COUNTER) {
            registry.more().counter(m.name(), tags, m, x -> x.value().getAsDouble());
        } else {
            registry.gauge(m.name(), tags, m, x -> x.value().getAsDouble());
        }
        return registry.find(m.name()).tags(tags).meter();
    }

    @Override
    protected void remove(MeterRegistry registry, io.micrometer.core.instrument.Meter meter) {
        registry.remove(meter);
    }

    private static Tags tags(Map<String, String> tags) {
        Tags t = Tags.empty();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            t = t.and(e.getKey(), e.getValue());
        }
        return t;
    }
}
