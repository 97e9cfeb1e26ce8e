package dev.socketee.tck.cdi;

import java.net.URI;

/**
 * The one CDI feature server ({@link CdiServer}: Jetty + Weld) of this test JVM, started lazily on first use
 * and stopped when the JVM exits. Weld allows only one default container per class loader, so it is never
 * started twice nor restarted per test class.
 *
 * <p>With {@code -Dsocketee.cdi.baseUri=http://host:port} the CDI ITs run against an already running CDI app
 * instead (e.g. {@code java -jar socketee-conformance.jar cdi 3001}).
 */
final class CdiTestServer {
    private static URI baseUri;
    private static CdiServer server;

    private CdiTestServer() {}

    /** Base URI without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    static synchronized URI baseUri() {
        if (baseUri == null) {
            String external = System.getProperty("socketee.cdi.baseUri");
            if (external != null && !external.isBlank()) {
                baseUri = URI.create(stripSlash(external.trim()));
            } else {
                server = CdiServer.start("127.0.0.1", 0);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cdi-server-stop"));
                baseUri = URI.create(stripSlash(server.baseUri().toString()));
            }
        }
        return baseUri;
    }

    static String baseUrl() {
        return baseUri().toString();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
