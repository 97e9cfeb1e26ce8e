package dev.socketee.se;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
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
    private final WriteStallWatchdog watchdog;

    private TyrusServer(HttpServer http, NetworkListener listener, Container container, WriteStallWatchdog watchdog) {
        this.http = http;
        this.listener = listener;
        this.container = container;
        this.watchdog = watchdog;
    }

    /** A connection whose queued writes make no progress for this long is torn down (Socketee's default closeTimeout). */
    public static final Duration DEFAULT_WRITE_STALL_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Starts on {@code host} and {@code port} (0: a free one) with the endpoints {@code deploy}
     * adds to the container.
     */
    public static TyrusServer start(String host, int port, Consumer<ServerContainer> deploy) {
        return start(host, port, DEFAULT_WRITE_STALL_TIMEOUT, deploy);
    }

    /**
     * As above; a TCP connection whose queued writes made no progress for {@code writeStallTimeout}
     * (a peer that stopped reading) is torn down ({@link WriteStallWatchdog}): use the engine's
     * {@code closeTimeout}.
     */
    public static TyrusServer start(String host, int port, Duration writeStallTimeout, Consumer<ServerContainer> deploy) {
        Container container = new Container();
        deploy.accept(container);
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("socketee", host, port);
        // Tyrus's container settings: worker threads run the endpoints (never the selector), and
        // the HTTP keep-alive timeout is off (it would cut open websockets)
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(tyrusAddOn(container));
        WriteStallWatchdog watchdog = new WriteStallWatchdog(writeStallTimeout, System::nanoTime);
        listener.getTransport().getConnectionMonitoringConfig().addProbes(watchdog);
        http.addListener(listener);
        try {
            http.start();
            container.start("/", listener.getPort());
        } catch (IOException e) {
            watchdog.close();
            http.shutdownNow();
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        } catch (DeploymentException e) {
            watchdog.close();
            http.shutdownNow();
            throw new IllegalStateException("Could not deploy the WebSocket endpoints", e);
        }
        return new TyrusServer(http, listener, container, watchdog);
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
        return watchdog.openConnections();
    }

    @Override
    public void close() {
        container.stop();
        http.shutdownNow();
        watchdog.close();
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
}
