package dev.socketee.tck.cdi;

import dev.socketee.tck.app.EmbeddedJetty;
import java.net.URI;
import java.util.Map;

/**
 * The CDI feature app ({@link FeatureHandlers}, {@link OtherNamespaceHandlers}) on embedded Jetty
 * with Weld, configured through servlet init parameters (short ping settings for the tests).
 */
public final class CdiServer implements AutoCloseable {

    private final EmbeddedJetty jetty;

    private CdiServer(EmbeddedJetty jetty) {
        this.jetty = jetty;
    }

    public static CdiServer start(String host, int port) {
        return new CdiServer(EmbeddedJetty.startCdi(host, port, Map.of(
                "socketee.ping-interval", "1000",
                "socketee.ping-timeout", "1000",
                "socketee.connect-timeout", "2000",
                "socketee.cookie", "io",
                "socketee.allow-eio3", "true",
                // the built-in operations endpoints (OperationsIT): the embedded default has no metrics registry of its own
                "socketee.metrics-path", "/metrics",
                "socketee.health-path", "/health"), context -> {
                    context.addServlet(LoginServlet.class, "/login");
                    context.addFilter(SessionPrincipalFilter.class, "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                }));
    }

    public URI baseUri() {
        return jetty.baseUri();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        jetty.close();
    }
}
