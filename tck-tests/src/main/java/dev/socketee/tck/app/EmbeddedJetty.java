package dev.socketee.tck.app;

import jakarta.servlet.ServletContext;
import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
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
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> setup.accept(servletContext));
        server.setHandler(context);
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start on " + host + ":" + port, e);
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
