package dev.socketee.impl.engine.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the endpoint the servlet made for one upgrade to the container, portably. Some containers
 * (Payara's Tyrus) ignore the configuration passed to {@code upgradeHttpToWebSocket} and use the
 * one registered for the path, so a bridge endpoint is registered once with {@code addEndpoint}
 * at an internal path, and every upgrade goes through it: the servlet puts its endpoint in a
 * thread-local, {@code modifyHandshake} (run on the request thread during the upgrade) moves it
 * into the per-connection user properties, and the bridge's {@code onOpen} takes it from there
 * and forwards the connection's life to it. A direct request to the internal path has no
 * endpoint handed over and is closed.
 */
public final class WebSocketBridge {

    private static final Logger LOG = Logger.getLogger(WebSocketBridge.class.getName());
    private static final String KEY = WebSocketBridge.class.getName() + ".endpoint";
    private static final ThreadLocal<Endpoint> HANDOVER = new ThreadLocal<>();

    private final ServerEndpointConfig config;

    private WebSocketBridge(ServerEndpointConfig config) {
        this.config = config;
    }

    /**
     * Registers the bridge at {@code enginePath + "/.ws"}; call while the application deploys.
     * Without {@code perMessageDeflate} no extension is negotiated (node's default): containers
     * such as Jetty would otherwise accept a client's {@code permessage-deflate} offer and
     * compress every frame.
     */
    public static WebSocketBridge register(ServerContainer container, String enginePath, boolean perMessageDeflate) {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Bridge.class, enginePath + "/.ws")
                .configurator(new HandoverConfigurator(perMessageDeflate)).build();
        try {
            container.addEndpoint(config);
        } catch (DeploymentException | IllegalStateException e) {
            throw new IllegalStateException("Could not register the WebSocket endpoint at " + config.getPath(), e);
        }
        return new WebSocketBridge(config);
    }

    /** The configuration to pass to {@code upgradeHttpToWebSocket}. */
    public ServerEndpointConfig config() {
        return config;
    }

    /** Runs the upgrade with {@code endpoint} as the connection's endpoint. */
    public void upgrade(Endpoint endpoint, UpgradeCall call) throws Exception {
        HANDOVER.set(endpoint);
        try {
            call.upgrade(config);
        } finally {
            HANDOVER.remove();
        }
    }

    /** The container call that performs the upgrade. */
    @FunctionalInterface
    public interface UpgradeCall {
        void upgrade(ServerEndpointConfig config) throws Exception;
    }

    /** Moves the endpoint of this upgrade into the connection's own user properties. */
    public static final class HandoverConfigurator extends ServerEndpointConfig.Configurator {
        private final boolean perMessageDeflate;

        public HandoverConfigurator() {
            this(false);
        }

        public HandoverConfigurator(boolean perMessageDeflate) {
            this.perMessageDeflate = perMessageDeflate;
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return perMessageDeflate ? super.getNegotiatedExtensions(installed, requested) : List.of();
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            Endpoint e = HANDOVER.get();
            if (e != null) {
                sec.getUserProperties().put(KEY, e);
            }
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new Bridge());
        }
    }

    /** The registered endpoint: forwards to the endpoint handed over for this connection. */
    public static final class Bridge extends ForwardingEndpoint {

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            Object handed = config.getUserProperties().remove(KEY);
            if (!(handed instanceof Endpoint e)) {
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not an Engine.IO upgrade"));
                } catch (IOException ex) {
                    LOG.log(Level.FINE, "close failed", ex);
                }
                return;
            }
            forwardTo(e, session, config);
        }
    }
}
