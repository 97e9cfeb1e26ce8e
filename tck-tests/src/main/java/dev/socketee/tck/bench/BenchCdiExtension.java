package dev.socketee.tck.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Adds {@link BenchHandlers} when {@value #PROPERTY} is true; does nothing otherwise. The feature
 * app's beans are excluded from scanning in that mode by META-INF/beans.xml (its "echo" and
 * "broadcast" handlers answer differently, and its connect handler emits a welcome).
 */
public class BenchCdiExtension implements Extension {

    public static final String PROPERTY = "socketee.tck.bench-cdi";

    void addBenchHandlers(@Observes BeforeBeanDiscovery bbd) {
        if (Boolean.getBoolean(PROPERTY)) {
            // application scoped, as a user declares handlers (a dependent bean would be created per event)
            bbd.addAnnotatedType(BenchHandlers.class, BenchHandlers.class.getName()).add(ApplicationScoped.Literal.INSTANCE);
        }
    }
}
