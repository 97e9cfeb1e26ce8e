package dev.socketee.impl.engine.transport;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineError;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.polling.PollingTransport;
import dev.socketee.impl.engine.transport.websocket.EngineWebSocketEndpoint;
import dev.socketee.impl.engine.transport.websocket.WebSocketBridge;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP entry of an Engine.IO path: verifies every request the way node's engine.io does
 * (transport, sid, handshake method, protocol version; errors answered in one place), then
 * hands it to the polling transport or upgrades it to a WebSocket with the Jakarta WebSocket 2.1
 * {@code upgradeHttpToWebSocket}, which lets one servlet own both transports and answer bad
 * upgrade requests with proper HTTP errors.
 */
public final class EngineServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(EngineServlet.class.getName());

    private final transient EngineServer server;
    private final transient ServerContainer webSockets;
    private final transient WebSocketBridge bridge;

    /** {@code bridge} was registered while the application deployed ({@link WebSocketBridge#register}). */
    public EngineServlet(EngineServer server, ServerContainer webSockets, WebSocketBridge bridge) {
        this.server = server;
        this.webSockets = webSockets;
        this.bridge = bridge;
    }

    @Override
    public void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        EngineIoOptions options = server.options();
        if (!Cors.apply(req, resp, options.allowedOrigins())) {
            fail(resp, EngineError.FORBIDDEN);
            return;
        }
        String method = req.getMethod();
        if ("OPTIONS".equals(method)) {
            Cors.preflight(req, resp);
            return;
        }
        Map<String, List<String>> query = QueryString.parse(req.getQueryString());
        String transport = QueryString.first(query, "transport");
        if (transport == null || !options.transports().contains(transport)) {
            fail(resp, EngineError.UNKNOWN_TRANSPORT);
            return;
        }
        boolean upgrade = "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
        String sid = QueryString.first(query, "sid");
        if (sid != null) {
            onSessionRequest(req, resp, sid, transport, upgrade);
        } else {
            onHandshake(req, resp, query, transport, upgrade);
        }
    }

    private void onSessionRequest(HttpServletRequest req, HttpServletResponse resp, String sid, String transport,
                                  boolean upgrade) throws IOException {
        EngineSession session = server.session(sid);
        if (session == null) {
            fail(resp, EngineError.UNKNOWN_SID);
            return;
        }
        if (upgrade) {
            if (!EngineIoOptions.WEBSOCKET.equals(transport) || !server.options().allowUpgrades()) {
                fail(resp, EngineError.BAD_REQUEST);
                return;
            }
            // a session already upgraded or with a probe running: node completes the upgrade and
            // closes that websocket at once, leaving the session alone (the endpoint does it)
            upgradeToWebSocket(req, resp, session.handshake(), sid);
            return;
        }
        if (!(session.currentTransport() instanceof PollingTransport polling) || !EngineIoOptions.POLLING.equals(transport)) {
            fail(resp, EngineError.BAD_REQUEST);
            return;
        }
        switch (req.getMethod()) {
            case "GET" -> polling.onPoll(req, resp);
            case "POST" -> polling.onData(req, resp);
            default -> fail(resp, EngineError.BAD_REQUEST);
        }
    }

    private void onHandshake(HttpServletRequest req, HttpServletResponse resp, Map<String, List<String>> query,
                             String transport, boolean upgrade) throws IOException {
        if (!"GET".equals(req.getMethod())) {
            fail(resp, EngineError.BAD_HANDSHAKE_METHOD);
            return;
        }
        if (EngineIoOptions.WEBSOCKET.equals(transport) && !upgrade) {
            fail(resp, EngineError.BAD_REQUEST);
            return;
        }
        if (!"4".equals(QueryString.first(query, "EIO"))) {
            fail(resp, EngineError.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        if (server.isClosed()) {
            resp.sendError(503);
            return;
        }
        HandshakeInfo handshake = handshakeOf(req, query);
        if (upgrade) {
            upgradeToWebSocket(req, resp, handshake, null);
            return;
        }
        PollingTransport polling = new PollingTransport(server.options());
        EngineSession session = server.open(polling, handshake);
        if (server.options().cookie() != null) {
            resp.addHeader("Set-Cookie", server.options().cookie() + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax");
        }
        polling.bind(session);
        polling.onPoll(req, resp);
    }

    private void upgradeToWebSocket(HttpServletRequest req, HttpServletResponse resp, HandshakeInfo handshake,
                                    String sid) throws IOException {
        Endpoint endpoint = new EngineWebSocketEndpoint(server, handshake, sid);
        try {
            bridge.upgrade(endpoint, config -> webSockets.upgradeHttpToWebSocket(req, resp, config, Collections.emptyMap()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "WebSocket upgrade failed", e);
            if (!resp.isCommitted()) {
                fail(resp, EngineError.BAD_REQUEST);
            }
            return;
        }
        if (resp.getStatus() != 101 && !resp.isCommitted()) {
            // a container that returns without upgrading instead of throwing
            LOG.warning(() -> "The container did not upgrade " + req.getRequestURI() + " to WebSocket (status "
                    + resp.getStatus() + "); clients fall back to polling");
            fail(resp, EngineError.BAD_REQUEST);
        }
    }

    @Override
    public void destroy() {
        server.close(); // sessions end with "server shutting down" when the application stops
    }

    private static HandshakeInfo handshakeOf(HttpServletRequest req, Map<String, List<String>> query) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(Collections.list(req.getHeaders(name))));
        }
        InetSocketAddress remote = InetSocketAddress.createUnresolved(req.getRemoteAddr(), req.getRemotePort());
        return new HandshakeInfo(headers, query, remote, System.currentTimeMillis(), req.getUserPrincipal(), req.getSession(false));
    }

    private static void fail(HttpServletResponse resp, EngineError error) throws IOException {
        resp.setStatus(error.httpStatus());
        resp.setContentType("application/json");
        byte[] body = error.json().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
