package dev.socketee.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import dev.socketee.impl.metrics.Meter;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The meters in the application's MicroProfile Metrics 5 registry (Payara, Open Liberty
 * {@code mpMetrics-5.x}). MicroProfile Metrics 5 has no counter backed by a function, so every
 * meter is a gauge read on each scrape; counters keep Prometheus's {@code _total} in their name
 * ({@code socketee_events_in_total{mp_scope="application"}}). Implementations on Micrometer may
 * hold a gauge's object only weakly: {@link RegistryBinder} keeps the meters readable.
 */
@ApplicationScoped
public class MicroProfileMetricsBinder extends RegistryBinder<MetricRegistry, MetricID> {

    public MicroProfileMetricsBinder() {
        super("MetricRegistry");
    }

    @Inject
    Instance<MetricRegistry> registries;

    @Override
    protected Instance<MetricRegistry> registries() {
        return registries;
    }

    @Override
    protected MetricID register(MetricRegistry registry, Meter m) {
        String name = m.kind() == Meter.Kind.COUNTER ? m.name() + ".total" : m.name();
        Tag[] tags = tags(m.tags());
        registry.gauge(Metadata.builder().withName(name).withDescription(m.help()).build(), m, x -> x.value().getAsDouble(), tags);
        return new MetricID(name, tags);
    }

    @Override
    protected void remove(MetricRegistry registry, MetricID id) {
        registry.remove(id);
    }

    private static Tag[] tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toArray(Tag[]::new);
    }
}
