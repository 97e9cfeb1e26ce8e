package dev.socketee.tck.app;

import jakarta.servlet.ServletContext;
import java.net.URI;
import dev.socketee.impl.cdi.SocketeeInitializer;
import dev.socketee.impl.engine.transport.WebSocketUpgrades;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.weld.environment.servlet.EnhancedListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty 12 (ee10: Servlet 6, Jakarta WebSocket 2.1) in-process, with a hook that sets up the web
 * application while it starts, the moment servlets may be added. Used by the conformance and
 * bench apps and by the tests.
 */
public final class EmbeddedJetty implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private EmbeddedJetty(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static EmbeddedJetty start(String host, int port, Consumer<ServletContext> setup) {
        Server server = new Server();
        ServerConnector connector = connector(server, host, port);
        ServletContextHandler context = new ServletContextHandler("/");
        websocketTransport(context);
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> setup.accept(servletContext));
        return start(server, connector, context);
    }

    /**
     * A CDI web application as a server would run it: Weld Servlet boots CDI (beans from class-path
     * archives with META-INF/beans.xml, extensions from META-INF/services), then Socketee's
     * initializer registers its servlet. A plain ServletContextHandler does not scan for
     * initializers, so they are added here in the order a server would run them.
     */
    public static EmbeddedJetty startCdi(String host, int port, Map<String, String> initParameters) {
        return startCdi(host, port, initParameters, context -> { });
    }

    /** As above; {@code extra} adds the application's own servlets and filters. */
    public static EmbeddedJetty startCdi(String host, int port, Map<String, String> initParameters,
                                         Consumer<ServletContextHandler> extra) {
        Server server = new Server();
        ServerConnector connector = connector(server, host, port);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        websocketTransport(context);
        initParameters.forEach(context::setInitParameter);
        context.addServletContainerInitializer(new EnhancedListener());
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        context.addServletContainerInitializer(new SocketeeInitializer());
        extra.accept(context);
        return start(server, connector, context);
    }

    /**
     * As socketee-run: the websocket on Jetty's core ({@code -Dsocketee.websocket-transport=jakarta}
     * for the portable Jakarta endpoint, as on every other server; {@code -Dsocketee.websocket-io-thread=true}
     * for messages handled on the thread that read them).
     */
    private static void websocketTransport(ServletContextHandler context) {
        context.setInitParameter(WebSocketUpgrades.SETTING, System.getProperty(WebSocketUpgrades.SETTING, WebSocketUpgrades.JETTY_CORE));
        String ioThread = System.getProperty(WebSocketUpgrades.IO_THREAD_SETTING);
        if (ioThread != null) {
            context.setInitParameter(WebSocketUpgrades.IO_THREAD_SETTING, ioThread);
        }
    }

    private static ServerConnector connector(Server server, String host, int port) {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(1024);
        // as in socketee-run: no per-connection header cache (~100 KB per idle polling connection)
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setHeaderCacheSize(0);
        server.addConnector(connector);
        return connector;
    }

    private static EmbeddedJetty start(Server server, ServerConnector connector, ServletContextHandler context) {
        server.setHandler(context);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start on " + connector.getHost() + ":" + connector.getPort(), e);
        }
        if (!context.isAvailable()) {
            throw new IllegalStateException("The web application failed to start (see the log above)");
        }
        return new EmbeddedJetty(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI baseUri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    /** TCP connections the connector holds open now (each one an fd and its kernel buffers). */
    public int openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
