package dev.socketee.tck.cdi;

import dev.socketee.tck.servers.ServerUnderTest;
import java.net.URI;

/**
 * The one CDI feature server ({@link CdiServer}: Jetty + Weld) of this test JVM, started lazily on first use
 * and stopped when the JVM exits. Weld allows only one default container per class loader, so it is never
 * started twice nor restarted per test class.
 *
 * <p>With {@code -Dsocketee.cdi.baseUri=http://host:port} the CDI ITs run against an already running CDI app
 * instead (e.g. {@code java -jar socketee-conformance.jar cdi 3001}); with a server profile
 * ({@link ServerUnderTest}) against the CDI WAR deployed at {@code /cdi} of an application server.
 * The base URI may carry a context path: Socket.IO clients then need it in their {@code path} option.
 */
public final class CdiTestServer {
    private static URI baseUri;
    private static CdiServer server;

    private CdiTestServer() {}

    /** Base URI without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public static synchronized URI baseUri() {
        if (baseUri == null) {
            String external = System.getProperty("socketee.cdi.baseUri");
            if (external != null && !external.isBlank()) {
                baseUri = URI.create(stripSlash(external.trim()));
            } else if (ServerUnderTest.isExternal()) {
                baseUri = ServerUnderTest.cdiUri();
            } else {
                server = CdiServer.start("127.0.0.1", 0);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cdi-server-stop"));
                baseUri = URI.create(stripSlash(server.baseUri().toString()));
            }
        }
        return baseUri;
    }

    /** Stops the in-JVM CDI app, if this JVM started one (ServerShutdownIT, at the end of the run). */
    public static synchronized void stopEmbedded() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Base URI as a string, without a trailing slash. */
    public static String baseUrl() {
        return baseUri().toString();
    }

    /** scheme://host:port of the app, what Socket.IO clients take as URL (the rest would be a namespace). */
    static String origin() {
        URI u = baseUri();
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    /** The Socket.IO endpoint path for clients: the context path + /socket.io. */
    static String socketIoPath() {
        return baseUri().getRawPath() + "/socket.io";
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
