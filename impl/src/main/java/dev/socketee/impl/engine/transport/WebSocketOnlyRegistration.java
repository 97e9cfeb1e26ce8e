package dev.socketee.impl.engine.transport;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.EngineError;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.HandshakeAdmission;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.ThrottledLog;
import dev.socketee.impl.engine.transport.websocket.EngineWebSocketEndpoint;
import dev.socketee.impl.engine.transport.websocket.ForwardingEndpoint;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Engine.IO over WebSocket only, for a WebSocket container without servlets (Tyrus on Grizzly in
 * a plain {@code main}): an endpoint registered at the engine path (with and without the trailing
 * slash) opens a session per connection, the Engine.IO handshake happening over the websocket
 * itself ({@code transport=websocket} without {@code sid}, as node allows). The checks of
 * {@link EngineServlet} run in {@code modifyHandshake}; as the Jakarta WebSocket API cannot answer
 * an upgrade with an HTTP error there, a refused request gets its websocket and then a close
 * frame 1008 whose reason is node's error message ({@code "Forbidden"}, {@code "Transport
 * unknown"}...). A request with a {@code sid} goes to the endpoint like an upgrade from polling,
 * which refuses it (there is no polling here) the way the servlet path does.
 */
public final class WebSocketOnlyRegistration {

    private static final Logger LOG = Logger.getLogger(WebSocketOnlyRegistration.class.getName());
    private static final String KEY = WebSocketOnlyRegistration.class.getName() + ".endpoint";

    private WebSocketOnlyRegistration() {
    }

    /** Registers {@code server} at its path; call before or while the container starts. */
    public static void register(ServerContainer container, EngineServer server, HandshakeAdmission admission) {
        if (!server.options().transports().contains(EngineIoOptions.WEBSOCKET)) {
            throw new IllegalStateException("transports must contain websocket: this container has no polling");
        }
        Handshakes handshakes = new Handshakes(server, admission);
        String path = server.options().path();
        for (String p : List.of(path, path + "/")) {
            ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Direct.class, p)
                    .configurator(new DirectConfigurator(handshakes, server.options().perMessageDeflate())).build();
            try {
                container.addEndpoint(config);
            } catch (DeploymentException | IllegalStateException e) {
                throw new IllegalStateException("Could not register the WebSocket endpoint at " + p, e);
            }
        }
    }

    /** The servlet's checks on a handshake request, then the endpoint that serves it (or closes it). */
    private static final class Handshakes {
        private final EngineServer server;
        private final OriginPolicy origins;
        private final HandshakeAdmission admission;
        private final ThrottledLog refusals = new ThrottledLog(LOG, Level.WARNING);

        Handshakes(EngineServer server, HandshakeAdmission admission) {
            this.server = server;
            this.origins = OriginPolicy.of(server.options().allowedOrigins());
            this.admission = admission;
        }

        Endpoint endpointFor(HandshakeRequest request) {
            Map<String, List<String>> headers = lowerCased(request.getHeaders());
            String origin = first(headers, "origin");
            Set<String> own = origin == null ? Set.of()
                    : OriginPolicy.ownOrigins(scheme(request.getRequestURI()), String.valueOf(first(headers, "host")),
                            first(headers, "x-forwarded-proto"), first(headers, "x-forwarded-host"));
            OriginPolicy.Verdict verdict = origins.check(origin, own);
            if (verdict == OriginPolicy.Verdict.REFUSED) {
                refusals.log(() -> "Refused a WebSocket upgrade to " + server.options().path() + " from origin "
                        + origin + ": not this server's own (" + String.join(", ", own) + ") nor in allowed-origins "
                        + server.options().allowedOrigins());
                return new Refused(server, EngineError.FORBIDDEN.message());
            }
            Map<String, List<String>> query = QueryString.parse(request.getQueryString());
            String transport = QueryString.first(query, "transport");
            if (!EngineIoOptions.WEBSOCKET.equals(transport)) {
                return new Refused(server, EngineError.UNKNOWN_TRANSPORT.message());
            }
            dev.socketee.impl.protocol.engine.EngineWire wire = ProtocolRevision.ofHandshake(query, server.options());
            if (wire == null) { // EIO=3 (or none) without allowEio3, as the servlet answers it
                return new Refused(server, EngineError.UNSUPPORTED_PROTOCOL_VERSION.message());
            }
            if (server.isClosed()) {
                return new Refused(server, "server shutting down");
            }
            if (!verdict.credentials()) {
                headers.remove("cookie");
            }
            HandshakeInfo handshake = new HandshakeInfo(headers, query, remoteAddress(request), System.currentTimeMillis(),
                    verdict.credentials() ? request.getUserPrincipal() : null, null);
            String sid = QueryString.first(query, "sid");
            if (sid == null) {
                HandshakeAdmission.Refusal refusal = admit(handshake);
                if (refusal != null) {
                    DebugLog.ENGINE.event(null, "handshake refused by the connection admission, status", refusal.status());
                    return new Refused(server, refusal.message());
                }
            }
            // a sid names a polling session to upgrade, which this container cannot have: refused by the endpoint
            return sid == null ? new EngineWebSocketEndpoint(server, handshake, null, wire)
                    : new EngineWebSocketEndpoint(server, handshake, sid);
        }

        private HandshakeAdmission.Refusal admit(HandshakeInfo handshake) {
            try {
                return admission.check(handshake);
            } catch (RuntimeException e) {
                refusals.log(() -> "The connection admission failed, handshake refused: " + e);
                return new HandshakeAdmission.Refusal(500, EngineError.FORBIDDEN.message());
            }
        }

        private static Map<String, List<String>> lowerCased(Map<String, List<String>> raw) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            raw.forEach((name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(values));
            return headers;
        }

        private static String first(Map<String, List<String>> headers, String name) {
            List<String> v = headers.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        private static String scheme(URI uri) {
            String s = uri == null ? null : uri.getScheme();
            return "wss".equalsIgnoreCase(s) || "https".equalsIgnoreCase(s) ? "https" : "http";
        }

        /**
         * The standard {@code HandshakeRequest} has no remote address; Tyrus's has
         * {@code getRemoteAddr()} (and others may), asked for by name so that no container API is
         * linked. Unknown: {@code 0.0.0.0:0}.
         */
        private static InetSocketAddress remoteAddress(HandshakeRequest request) {
            String host = "0.0.0.0";
            int port = 0;
            try {
                Object addr = request.getClass().getMethod("getRemoteAddr").invoke(request);
                if (addr instanceof String s && !s.isEmpty()) {
                    host = s;
                }
                Object p = request.getClass().getMethod("getRemotePort").invoke(request);
                if (p instanceof Integer i) {
                    port = i;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINEST, "no remote address on " + request.getClass().getName(), e);
            }
            return InetSocketAddress.createUnresolved(host, port);
        }
    }

    /** Hands the endpoint chosen in {@code modifyHandshake} to this connection (its own user properties). */
    private static final class DirectConfigurator extends ServerEndpointConfig.Configurator {
        private final Handshakes handshakes;
        private final boolean perMessageDeflate;

        DirectConfigurator(Handshakes handshakes, boolean perMessageDeflate) {
            this.handshakes = handshakes;
            this.perMessageDeflate = perMessageDeflate;
        }

        /** As the bridge: no extension unless perMessageDeflate (node's default). */
        @Override
        public List<jakarta.websocket.Extension> getNegotiatedExtensions(List<jakarta.websocket.Extension> installed,
                                                                         List<jakarta.websocket.Extension> requested) {
            return perMessageDeflate ? super.getNegotiatedExtensions(installed, requested) : List.of();
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            sec.getUserProperties().put(KEY, handshakes.endpointFor(request));
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new Direct());
        }
    }

    /** The registered endpoint: forwards to the one {@code modifyHandshake} made for this connection. */
    public static final class Direct extends ForwardingEndpoint {

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            Object handed = config.getUserProperties().remove(KEY);
            forwardTo(handed instanceof Endpoint e ? e : new Refused(null, EngineError.BAD_REQUEST.message()), session, config);
        }
    }

    /**
     * A refused handshake: closed with 1008 and node's message once onOpen has returned, on the
     * engine's callback executor (a close inside onOpen fails on Payara's Tyrus, see
     * EngineWebSocketEndpoint).
     */
    private static final class Refused extends Endpoint {
        private final EngineServer server;
        private final String message;

        Refused(EngineServer server, String message) {
            this.server = server;
            this.message = message;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            DebugLog.ENGINE.event(null, "websocket handshake refused:", message);
            Runnable close = () -> {
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, message));
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "close failed", e);
                }
            };
            try {
                if (server != null) {
                    server.callbacks().execute(close);
                    return;
                }
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the engine is closing: close here
            }
            close.run();
        }
    }
}
