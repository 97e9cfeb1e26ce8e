package dev.socketee.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import dev.socketee.impl.metrics.Meter;
import dev.socketee.impl.metrics.MetricsBinder;
import dev.socketee.impl.metrics.SocketeeMeters;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The meters in the application's MicroProfile Metrics 5 registry (Payara, Open Liberty
 * {@code mpMetrics-5.x}). MicroProfile Metrics 5 has no counter backed by a function, so every
 * meter is a gauge read on each scrape; counters keep Prometheus's {@code _total} in their name
 * ({@code socketee_events_in_total{mp_scope="application"}}).
 */
@ApplicationScoped
public class MicroProfileMetricsBinder implements MetricsBinder {

    @Inject
    Instance<MetricRegistry> registries;

    private final List<MetricID> registered = new ArrayList<>();
    /** Implementations on Micrometer may hold a gauge's object only weakly: these keep them readable. */
    private final List<Meter> held = new ArrayList<>();
    private MetricRegistry registry;

    @Override
    public synchronized void bind(SocketeeMeters meters) {
        if (!registries.isResolvable()) {
            java.util.logging.Logger.getLogger(getClass().getName()).warning("socketee-microprofile: no MetricRegistry bean to register the Socketee meters in");
            return;
        }
        registry = registries.get();
        for (Meter m : meters.all()) {
            held.add(m);
            String name = m.kind() == Meter.Kind.COUNTER ? m.name() + ".total" : m.name();
            Tag[] tags = tags(m.tags());
            registry.gauge(Metadata.builder().withName(name).withDescription(m.help()).build(), m, x -> x.value().getAsDouble(), tags);
            registered.add(new MetricID(name, tags));
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

    private static Tag[] tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toArray(Tag[]::new);
    }
}
