package dev.socketee.microprofile;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;

/**
 * Adds the health checks and the metrics binders whose APIs this server has, and nothing else:
 * the jar is not scanned (bean-discovery-mode none), so a class that names a missing API is
 * never loaded, and the same WAR deploys on a server without MicroProfile.
 */
public final class SocketeeMicroProfileExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SocketeeMicroProfileExtension.class.getName());

    void addPresent(@Observes BeforeBeanDiscovery bbd, BeanManager bm) {
        StringBuilder added = new StringBuilder();
        if (present("org.eclipse.microprofile.health.HealthCheck")) {
            bbd.addAnnotatedType(bm.createAnnotatedType(ReadinessCheck.class), ReadinessCheck.class.getName());
            bbd.addAnnotatedType(bm.createAnnotatedType(LivenessCheck.class), LivenessCheck.class.getName());
            added.append(" MicroProfile Health checks;");
        }
        if (present("org.eclipse.microprofile.metrics.MetricRegistry")) {
            bbd.addAnnotatedType(bm.createAnnotatedType(MicroProfileMetricsBinder.class), MicroProfileMetricsBinder.class.getName());
            added.append(" MicroProfile Metrics;");
        }
        if (present("io.micrometer.core.instrument.MeterRegistry")) {
            bbd.addAnnotatedType(bm.createAnnotatedType(MicrometerBinder.class), MicrometerBinder.class.getName());
            added.append(" Micrometer;");
        }
        LOG.fine(() -> "socketee-microprofile:" + (added.length() == 0 ? " no MicroProfile Health, Metrics nor Micrometer here" : added));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SocketeeMicroProfileExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
