package dev.socketee.impl.cdi;

import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.health.SocketeeHealth;
import dev.socketee.impl.health.TimerProbe;
import dev.socketee.impl.metrics.Counters;
import dev.socketee.impl.metrics.MetricsBinder;
import dev.socketee.impl.metrics.SocketeeMeters;
import dev.socketee.impl.sio.SioServer;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Health and metrics of the CDI-managed server. Metrics are counted only when something reads
 * them: {@code socketee.metrics=auto} (the default) turns them on when a {@link MetricsBinder}
 * bean exists (socketee-microprofile on a server with MicroProfile Metrics or Micrometer) or the
 * built-in endpoint is configured ({@code socketee.metrics-path}); {@code on} and {@code off}
 * force it. The binders get the meters once the engine runs, and give them back at stop.
 */
final class OperationsSetup {

    private static final Logger LOG = Logger.getLogger(OperationsSetup.class.getName());
    /** How often the liveness probe's timer runs. */
    static final long PROBE_PERIOD_MILLIS = 5_000;

    private final SioServer server;
    private final String adapterName;
    private final List<MetricsBinder> binders;
    private final SocketeeMeters meters;
    private SocketeeHealth health;

    private OperationsSetup(SioServer server, String adapterName, List<MetricsBinder> binders, SocketeeMeters meters) {
        this.server = server;
        this.adapterName = adapterName;
        this.binders = binders;
        this.meters = meters;
    }

    /** Before the engine starts: counters on the server if metrics are wanted. */
    static OperationsSetup before(SioServer server, SocketeeConfig config, BeanManager beanManager) {
        String mode = String.valueOf(config.raw().apply("socketee.metrics")).trim().toLowerCase(Locale.ROOT);
        List<MetricsBinder> binders = "off".equals(mode) ? List.of() : binders(beanManager);
        String path = config.raw().apply("socketee.metrics-path");
        boolean on = "on".equals(mode) || "true".equals(mode)
                || (!"off".equals(mode) && !"false".equals(mode) && (!binders.isEmpty() || (path != null && !path.isBlank())));
        SocketeeMeters meters = null;
        if (on) {
            Counters counters = new Counters();
            server.metrics(counters);
            meters = new SocketeeMeters(server, counters);
        }
        return new OperationsSetup(server, config.adapter(), binders, meters);
    }

    private static List<MetricsBinder> binders(BeanManager beanManager) {
        List<MetricsBinder> found = new ArrayList<>();
        try {
            for (MetricsBinder b : beanManager.createInstance().select(MetricsBinder.class)) {
                found.add(b);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Socketee metrics: could not look up the metrics binders; metrics stay off", e);
        }
        return found;
    }

    /** The engine runs: the liveness probe starts, the binders get the meters. */
    void after(EngineServer engine) {
        health = new SocketeeHealth(engine, server.adapterFactory(), adapterName, new TimerProbe(engine.timer(), PROBE_PERIOD_MILLIS).start());
        if (meters == null) {
            return;
        }
        LOG.info(() -> "Socketee metrics: counting" + (binders.isEmpty() ? "" : ", published through "
                + binders.stream().map(b -> b.getClass().getSimpleName().replaceAll("\\$.*", "")).toList()));
        for (MetricsBinder b : binders) {
            try {
                b.bind(meters);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Socketee metrics: " + b.getClass().getName() + " could not register the meters", e);
            }
        }
    }

    SocketeeHealth health() {
        return health;
    }

    SocketeeMeters meters() {
        return meters;
    }

    void stop() {
        if (health != null) {
            health.stopped();
        }
        for (MetricsBinder b : binders) {
            try {
                b.unbind();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.FINE, "Socketee metrics: " + b.getClass().getName() + " could not remove the meters", e);
            }
        }
    }
}
