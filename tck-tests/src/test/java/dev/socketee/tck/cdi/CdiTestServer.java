package dev.socketee.tck.cdi;

import dev.socketee.tck.servers.ServerUnderTest;
import java.net.URI;

/**
 * The one CDI feature server ({@link CdiServer}: Jetty + Weld; with {@code -Dsocketee.websocket=tyrus}
 * the same beans websocket-only on Weld SE + Tyrus) of this test JVM, started lazily on first use
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
    private static AutoCloseable server;

    private CdiTestServer() {}

    /** Base URI without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public static synchronized URI baseUri() {
        if (baseUri == null) {
            String external = System.getProperty("socketee.cdi.baseUri");
            if (external != null && !external.isBlank()) {
                baseUri = URI.create(stripSlash(external.trim()));
            } else if (ServerUnderTest.isExternal()) {
                baseUri = ServerUnderTest.cdiUri();
            } else if (dev.socketee.tck.TestServer.isTyrus()) {
                dev.socketee.se.SocketeeSe se = onTyrus();
                server = se;
                Runtime.getRuntime().addShutdownHook(new Thread(se::close, "cdi-server-stop"));
                baseUri = URI.create(stripSlash(se.uri().toString()));
            } else {
                CdiServer jetty = CdiServer.start("127.0.0.1", 0);
                server = jetty;
                Runtime.getRuntime().addShutdownHook(new Thread(jetty::close, "cdi-server-stop"));
                baseUri = URI.create(stripSlash(jetty.baseUri().toString()));
            }
        }
        return baseUri;
    }

    /**
     * The same app websocket-only on Weld SE + Tyrus ({@code -Dsocketee.websocket=tyrus}): CdiServer's
     * settings as settings of SocketeeSe (no cookie: there is no polling; no login servlet).
     */
    private static dev.socketee.se.SocketeeSe onTyrus() {
        java.util.Map<String, String> settings = java.util.Map.of(
                "socketee.ping-interval", "1000",
                "socketee.ping-timeout", "1000",
                "socketee.connect-timeout", "2000",
                "socketee.allow-eio3", "true");
        return dev.socketee.se.SocketeeSe.start(new org.jboss.weld.environment.se.Weld().skipShutdownHook(), "127.0.0.1", 0,
                settings::get);
    }

    /** Stops the in-JVM CDI app, if this JVM started one (ServerShutdownIT, at the end of the run). */
    public static synchronized void stopEmbedded() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
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
