package dev.socketee.se;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A Jakarta WebSocket server: Tyrus on Grizzly, listening on the host it is given. Tyrus's own
 * Grizzly container ({@code GrizzlyServerContainer}, behind {@code org.glassfish.tyrus.server.Server})
 * binds {@code 0.0.0.0} whatever host it is passed; this one builds the same Grizzly server with
 * a listener on {@code host} and Tyrus's add-on.
 * Endpoints are added by {@code deploy} before the server starts.
 */
public final class TyrusServer implements AutoCloseable {

    private final HttpServer http;
    private final NetworkListener listener;
    private final Container container;
    private final AtomicInteger connections;

    private TyrusServer(HttpServer http, NetworkListener listener, Container container, AtomicInteger connections) {
        this.http = http;
        this.listener = listener;
        this.container = container;
        this.connections = connections;
    }

    /**
     * Starts on {@code host} and {@code port} (0: a free one) with the endpoints {@code deploy}
     * adds to the container.
     */
    public static TyrusServer start(String host, int port, Consumer<ServerContainer> deploy) {
        Container container = new Container();
        deploy.accept(container);
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("socketee", host, port);
        // Tyrus's container settings: worker threads run the endpoints (never the selector), and
        // the HTTP keep-alive timeout is off (it would cut open websockets)
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(tyrusAddOn(container));
        AtomicInteger connections = new AtomicInteger();
        listener.getTransport().getConnectionMonitoringConfig().addProbes(new ConnectionCounter(connections));
        http.addListener(listener);
        try {
            http.start();
            container.start("/", listener.getPort());
        } catch (IOException e) {
            http.shutdownNow();
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        } catch (DeploymentException e) {
            http.shutdownNow();
            throw new IllegalStateException("Could not deploy the WebSocket endpoints", e);
        }
        return new TyrusServer(http, listener, container, connections);
    }

    public int port() {
        return listener.getPort();
    }

    /** {@code http://host:port}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://" + listener.getHost() + ":" + port());
    }

    /** TCP connections open now (for tests of connection teardown). */
    public int openConnections() {
        return connections.get();
    }

    @Override
    public void close() {
        container.stop();
        http.shutdownNow();
    }

    /** Tyrus's server container; its engine routes the upgrades the Grizzly filter hands it. */
    private static final class Container extends TyrusServerContainer {
        private final WebSocketEngine engine = TyrusWebSocketEngine.builder(this).build();

        Container() {
            super((java.util.Set<Class<?>>) null);
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, "/");
        }

        @Override
        public void register(ServerEndpointConfig config) throws DeploymentException {
            engine.register(config, "/");
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }
    }

    /**
     * Tyrus's own add-on, which puts its filter before Grizzly's HTTP filter. Its constructor
     * (like the filter's class) is package-private although the class is public "to allow
     * other developers use this with their own GrizzlyServerContainer alternative" (TYRUS-317):
     * opened by reflection, which works as long as Tyrus is on the class path (not the module path).
     */
    private static AddOn tyrusAddOn(Container container) {
        try {
            Constructor<WebSocketAddOn> c = WebSocketAddOn.class.getDeclaredConstructor(
                    org.glassfish.tyrus.spi.ServerContainer.class, String.class);
            c.setAccessible(true);
            return c.newInstance(container, "/");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This Tyrus version's WebSocketAddOn cannot be made: " + e, e);
        }
    }

    private static final class ConnectionCounter extends ConnectionProbe.Adapter {
        private final AtomicInteger open;

        ConnectionCounter(AtomicInteger open) {
            this.open = open;
        }

        @Override
        public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
            open.incrementAndGet();
        }

        @Override
        public void onCloseEvent(Connection connection) {
            if (!(connection instanceof TCPNIOServerConnection)) { // the listening socket is not counted
                open.decrementAndGet();
            }
        }
    }
}
