package dev.socketee.testing.junit5;

import dev.socketee.impl.cdi.SocketeeExtension;
import dev.socketee.impl.cdi.SocketeeRuntime;
import dev.socketee.testing.SocketTestClient;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application of one {@code @SocketeeTest} class: its CDI container and Socketee's runtime
 * on it, started together and stopped together (runtime first: its disconnect handlers still
 * find their beans).
 */
final class TestApplication implements ExtensionContext.Store.CloseableResource {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private final WeldContainer container;
    private final SocketeeRuntime runtime;
    private final Duration timeout;

    private TestApplication(WeldContainer container, SocketeeRuntime runtime, Duration timeout) {
        this.container = container;
        this.runtime = runtime;
        this.timeout = timeout;
    }

    static TestApplication start(Class<?> testClass, SocketeeTest settings) {
        if (settings.timeoutMillis() <= 0) {
            throw new IllegalArgumentException("@SocketeeTest(timeoutMillis) must be positive on " + testClass.getName());
        }
        Weld weld = new Weld("socketee-test-" + CONTAINERS.incrementAndGet() + "-" + testClass.getSimpleName());
        // without discovery Weld SE loads no portable extension from the class path: Socketee's is added by hand
        if (settings.beans().length > 0) {
            weld.disableDiscovery().addBeanClasses(settings.beans()).addExtension(new SocketeeExtension());
        } else if (settings.packages().length > 0) {
            weld.disableDiscovery().addExtension(new SocketeeExtension());
            for (Class<?> p : settings.packages()) {
                weld.addPackages(false, PackageRoots.packageAnchors(p, false).toArray(Class<?>[]::new));
            }
        } else {
            // the bean archives of the class path, and the test's package where it is in none
            weld.addPackages(false, PackageRoots.packageAnchors(testClass, true).toArray(Class<?>[]::new));
        }
        WeldContainer container = weld.initialize();
        try {
            SocketeeRuntime runtime = StandaloneStart.start(container.getBeanManager(), InitParameters.parse(settings.config()));
            return new TestApplication(container, runtime, Duration.ofMillis(settings.timeoutMillis()));
        } catch (RuntimeException | Error e) {
            container.shutdown();
            throw e;
        }
    }

    BeanManager beanManager() {
        return container.getBeanManager();
    }

    <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    /** A client builder for this application with the class's timeout. */
    SocketTestClient.Builder clientBuilder() {
        return SocketTestClient.builder().runtime(runtime).timeout(timeout);
    }

    @Override
    public void close() {
        try {
            StandaloneStart.stop(container.getBeanManager());
        } finally {
            container.shutdown();
        }
    }
}
