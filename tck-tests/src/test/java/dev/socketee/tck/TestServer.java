package dev.socketee.tck;

import java.lang.reflect.Method;
import dev.socketee.tck.servers.ServerUnderTest;
import java.net.URI;

/**
 * The one server under test of this test JVM, started lazily and shared by all ITs.
 *
 * <p>By default it is {@code dev.socketee.tck.app.ConformanceServer} started on 127.0.0.1 and a
 * free port ({@code -Dsocketee.websocket=tyrus}: the same apps websocket-only on Tyrus, see
 * {@link #isTyrus}). With {@code -Dsocketee.baseUri=http://host:port} the ITs run against an already running
 * server instead (e.g. a deployed WAR, or node's reference server to check the tests themselves).
 *
 * <p>The ConformanceServer is loaded reflectively so that this suite compiles on its own, independent
 * of the server module's state; its contract is {@code static ConformanceServer start(String, int)},
 * {@code URI baseUri()} and {@code close()}.
 */
public final class TestServer {
    private static URI baseUri;
    private static AutoCloseable server;

    private TestServer() {}

    /** Base URI without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public static synchronized URI baseUri() {
        if (baseUri == null) {
            String external = System.getProperty("socketee.baseUri");
            if (external != null && !external.isBlank()) {
                baseUri = URI.create(stripSlash(external.trim()));
            } else if (ServerUnderTest.isExternal()) {
                baseUri = ServerUnderTest.conformanceUri();
            } else {
                baseUri = URI.create(stripSlash(startConformanceServer().toString()));
            }
        }
        return baseUri;
    }

    /** Base URL as a string, without trailing slash. */
    public static String baseUrl() {
        return baseUri().toString();
    }

    /** Stops the in-JVM conformance app, if this JVM started one (ServerShutdownIT, at the end of the run). */
    public static synchronized void stopEmbedded() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * True when the suite runs on Tyrus standalone ({@code -Dsocketee.websocket=tyrus}, the
     * module's {@code tyrus} execution): the apps serve websocket only, no polling.
     */
    public static boolean isTyrus() {
        return "tyrus".equals(System.getProperty("socketee.websocket", "").trim());
    }

    /** ws:// or wss:// form of the base URL. */
    public static String wsBaseUrl() {
        return baseUrl().replaceFirst("^http", "ws");
    }

    private static URI startConformanceServer() {
        try {
            Class<?> cls = Class.forName(isTyrus() ? "dev.socketee.tck.tyrus.TyrusConformanceServer"
                    : "dev.socketee.tck.app.ConformanceServer");
            Method start = cls.getMethod("start", String.class, int.class);
            Object s = start.invoke(null, "127.0.0.1", 0);
            server = (AutoCloseable) s;
            URI uri = (URI) cls.getMethod("baseUri").invoke(s);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // JVM is exiting
                }
            }, "conformance-server-stop"));
            return uri;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start dev.socketee.tck.app.ConformanceServer", e);
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
