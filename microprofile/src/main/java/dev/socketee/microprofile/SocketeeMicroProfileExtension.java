package dev.socketee.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Keeps only the health checks and metrics binders whose API this server has: each is vetoed
 * when its API's classes are missing, so the same WAR deploys on a server without MicroProfile
 * Health, MicroProfile Metrics or Micrometer. (A class whose API is missing mostly fails to load
 * during discovery already, which the container notes in one info line and passes by.) Beans are
 * discovered from the jar's bean archive rather than added by this extension: WildFly's health
 * integration does not see types an extension adds.
 */
public final class SocketeeMicroProfileExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SocketeeMicroProfileExtension.class.getName());
    private static final String PACKAGE = SocketeeMicroProfileExtension.class.getPackageName() + ".";
    /** Each bean of this jar, and a class of the API it needs. */
    private static final Map<String, String> NEEDS = Map.of(
            PACKAGE + "ReadinessCheck", "org.eclipse.microprofile.health.HealthCheck",
            PACKAGE + "LivenessCheck", "org.eclipse.microprofile.health.HealthCheck",
            PACKAGE + "MicroProfileMetricsBinder", "org.eclipse.microprofile.metrics.MetricRegistry",
            PACKAGE + "MicrometerBinder", "io.micrometer.core.instrument.MeterRegistry");

    private final TreeSet<String> kept = new TreeSet<>();

    <T> void vetoWithoutApi(@Observes @WithAnnotations(ApplicationScoped.class) ProcessAnnotatedType<T> pat) {
        String name = pat.getAnnotatedType().getJavaClass().getName();
        String api = NEEDS.get(name);
        if (api == null) {
            return;
        }
        if (present(api)) {
            kept.add(name.substring(PACKAGE.length()));
        } else {
            pat.veto();
        }
    }

    void report(@Observes AfterBeanDiscovery abd) {
        LOG.info(() -> "socketee-microprofile: " + (kept.isEmpty() ? "no MicroProfile Health, MicroProfile Metrics nor Micrometer here" : String.join(", ", kept)));
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
