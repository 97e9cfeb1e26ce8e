package dev.socketee.tck.app;

import java.net.URI;

/**
 * The conformance app ({@link ConformanceApp}) on embedded Jetty, for the tests of this module and
 * {@code java -jar socketee-conformance.jar conformance [port]}.
 */
public final class ConformanceServer implements AutoCloseable {

    private final EmbeddedJetty jetty;

    private ConformanceServer(EmbeddedJetty jetty) {
        this.jetty = jetty;
    }

    public static ConformanceServer start(String host, int port) {
        return new ConformanceServer(EmbeddedJetty.start(host, port, ConformanceApp::setUp));
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
