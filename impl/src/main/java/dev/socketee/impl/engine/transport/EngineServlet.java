package dev.socketee.impl.engine.transport;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineError;
import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeAdmission;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.ThrottledLog;
import dev.socketee.impl.engine.transport.polling.PollingTransport;
import dev.socketee.impl.engine.transport.websocket.JakartaUpgrade;
import dev.socketee.impl.engine.transport.websocket.WebSocketBridge;
import dev.socketee.impl.json.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP entry of an Engine.IO path: checks the origin of every request first ({@link OriginPolicy},
 * both transports), verifies it the way node's engine.io does (transport, sid, handshake method,
 * protocol version; errors answered in one place), asks the {@link HandshakeAdmission} about a
 * handshake before any session exists, then
 * hands it to the polling transport or upgrades it to a WebSocket ({@link WebSocketUpgrade}: the
 * Jakarta WebSocket 2.1 {@code upgradeHttpToWebSocket} on every server, Jetty's core on the
 * embedded default), which lets one servlet own both transports and answer bad upgrade
 * requests with proper HTTP errors.
 */
public final class EngineServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(EngineServlet.class.getName());

    private final transient EngineServer server;
    private final transient WebSocketUpgrade webSockets;
    private final transient OriginPolicy origins;
    private final transient HandshakeAdmission admission;
    private final transient ThrottledLog refusals = new ThrottledLog(LOG, Level.WARNING);

    /** {@code bridge} was registered while the application deployed ({@link WebSocketBridge#register}). */
    public EngineServlet(EngineServer server, ServerContainer webSockets, WebSocketBridge bridge) {
        this(server, webSockets, bridge, HandshakeAdmission.ADMIT_ALL);
    }

    /**
     * As above, with {@code admission} asked about every handshake.
     *
     * @throws IllegalArgumentException when {@code allowedOrigins} has an entry that is not an origin
     */
    public EngineServlet(EngineServer server, ServerContainer webSockets, WebSocketBridge bridge,
                         HandshakeAdmission admission) {
        this(server, bridge == null ? null : new JakartaUpgrade(server, webSockets, bridge), admission);
    }

    /** As above, with the upgrade {@code webSockets} (null: no websocket here), see {@link WebSocketUpgrades}. */
    public EngineServlet(EngineServer server, WebSocketUpgrade webSockets, HandshakeAdmission admission) {
        this.server = server;
        this.webSockets = webSockets;
        this.origins = OriginPolicy.of(server.options().allowedOrigins());
        this.admission = admission;
    }

    @Override
    public void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        EngineIoOptions options = server.options();
        boolean upgrade = "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
        OriginPolicy.Verdict verdict = checkOrigin(req, resp, upgrade);
        if (verdict == OriginPolicy.Verdict.REFUSED) {
            return;
        }
        String method = req.getMethod();
        if ("OPTIONS".equals(method)) {
            Cors.preflight(req, resp, verdict);
            return;
        }
        if (!upgrade) {
            Cors.apply(resp, req.getHeader("Origin"), verdict);
        }
        Map<String, List<String>> query = QueryString.parse(req.getQueryString());
        String transport = QueryString.first(query, "transport");
        if (transport == null || !options.transports().contains(transport)) {
            fail(resp, EngineError.UNKNOWN_TRANSPORT);
            return;
        }
        String sid = QueryString.first(query, "sid");
        if (sid != null) {
            onSessionRequest(req, resp, query, sid, transport, upgrade);
        } else {
            onHandshake(req, resp, query, transport, upgrade, verdict.credentials());
        }
    }

    /**
     * The first check of every request: a refused origin is answered 403 here, before any
     * session, upgrade or CORS header, so a foreign page learns nothing and gets nothing.
     */
    private OriginPolicy.Verdict checkOrigin(HttpServletRequest req, HttpServletResponse resp, boolean upgrade)
            throws IOException {
        String origin = req.getHeader("Origin");
        if (!upgrade) {
            resp.setHeader("Vary", "Origin");
        }
        Set<String> own = origin == null ? Set.of() : ownOrigins(req);
        OriginPolicy.Verdict verdict = origins.check(origin, own);
        if (verdict == OriginPolicy.Verdict.REFUSED) {
            refusals.log(() -> "Refused " + (upgrade ? "a WebSocket upgrade" : req.getMethod())
                    + " to " + req.getRequestURI() + " from origin " + printable(origin) + ": not this server's own ("
                    + String.join(", ", own) + ") nor in allowed-origins " + server.options().allowedOrigins());
            fail(resp, EngineError.FORBIDDEN);
        }
        return verdict;
    }

    /** The request's own origins, as the browser would name them (see {@link OriginPolicy#ownOrigins}). */
    private static Set<String> ownOrigins(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null || host.isBlank()) {
            // HTTP/2 without a Host header: the container has the :authority
            host = req.getServerName() + ":" + req.getServerPort();
        }
        return OriginPolicy.ownOrigins(req.getScheme(), host, req.getHeader("X-Forwarded-Proto"),
                req.getHeader("X-Forwarded-Host"));
    }

    /** A client's header value made safe for a log line: short, printable ASCII. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 100) + 2).append('\'');
        for (int i = 0; i < value.length() && i < 100; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.append(value.length() > 100 ? "...'" : "'").toString();
    }

    private void onSessionRequest(HttpServletRequest req, HttpServletResponse resp, Map<String, List<String>> query,
                                  String sid, String transport, boolean upgrade) throws IOException {
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
            upgradeToWebSocket(req, resp, session.handshake(), sid, ProtocolRevision.ofUpgrade(query, session));
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
                             String transport, boolean upgrade, boolean credentials) throws IOException {
        if (!"GET".equals(req.getMethod())) {
            fail(resp, EngineError.BAD_HANDSHAKE_METHOD);
            return;
        }
        if (EngineIoOptions.WEBSOCKET.equals(transport) && !upgrade) {
            fail(resp, EngineError.BAD_REQUEST);
            return;
        }
        dev.socketee.impl.protocol.engine.EngineWire wire = ProtocolRevision.ofHandshake(query, server.options());
        if (wire == null) {
            fail(resp, EngineError.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        if (server.isClosed()) {
            resp.sendError(503);
            return;
        }
        HandshakeInfo handshake = handshakeOf(req, query, credentials);
        HandshakeAdmission.Refusal refusal = admit(handshake);
        if (refusal != null) {
            refuse(resp, refusal);
            return;
        }
        if (upgrade) {
            upgradeToWebSocket(req, resp, handshake, null, wire);
            return;
        }
        PollingTransport polling = new PollingTransport(server.options(), server.timer(), wire);
        EngineSession session = server.open(polling, handshake, wire.revision());
        if (server.options().cookie() != null) {
            resp.addHeader("Set-Cookie", server.options().cookie() + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax");
        }
        polling.bind(session);
        polling.onPoll(req, resp);
    }

    private void upgradeToWebSocket(HttpServletRequest req, HttpServletResponse resp, HandshakeInfo handshake,
                                    String sid, dev.socketee.impl.protocol.engine.EngineWire wire) throws IOException {
        try {
            webSockets.upgrade(req, resp, handshake, sid, wire);
        } catch (IOException e) {
            // the client went away during the upgrade (Tyrus flushes the 101 inside the call): its
            // doing, not the server's, so no stack trace at WARNING
            LOG.log(Level.FINE, "WebSocket upgrade failed: the connection closed", e);
            return;
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

    /** Null to admit; the admission's own failure refuses (never an exception into the container). */
    private HandshakeAdmission.Refusal admit(HandshakeInfo handshake) {
        try {
            return admission.check(handshake);
        } catch (RuntimeException e) {
            refusals.log(() -> "The connection admission failed, handshake refused: " + e);
            return new HandshakeAdmission.Refusal(500, EngineError.FORBIDDEN.message());
        }
    }

    /**
     * What the session may know of its opening request. Without {@code credentials} (an origin
     * let in only by {@code *}) it gets no cookies, principal or HTTP session: a foreign page
     * must not act as the browser's user, whatever the browser sent along.
     */
    private static HandshakeInfo handshakeOf(HttpServletRequest req, Map<String, List<String>> query, boolean credentials) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (java.util.Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            String lower = name.toLowerCase(Locale.ROOT);
            if (credentials || !lower.equals("cookie")) {
                headers.put(lower, values(req.getHeaders(name)));
            }
        }
        InetSocketAddress remote = InetSocketAddress.createUnresolved(req.getRemoteAddr(), req.getRemotePort());
        return new HandshakeInfo(headers, query, remote, System.currentTimeMillis(),
                credentials ? req.getUserPrincipal() : null, credentials ? req.getSession(false) : null);
    }

    /** A header's values, immutable; one copy (most headers have one value: no list to grow). */
    static List<String> values(java.util.Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return Collections.singletonList(first);
        }
        List<String> all = new ArrayList<>(4);
        all.add(first);
        while (values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return Collections.unmodifiableList(all);
    }

    /** node's answer to a request {@code allowRequest} refused: the status and {@code {"code":4,"message":...}}. */
    private static void refuse(HttpServletResponse resp, HandshakeAdmission.Refusal refusal) throws IOException {
        DebugLog.ENGINE.event(null, "handshake refused by the connection admission, status", refusal.status());
        byte[] body = ("{\"code\":" + EngineError.FORBIDDEN.code() + ",\"message\":" + JsonWriter.write(refusal.message()) + "}")
                .getBytes(StandardCharsets.UTF_8);
        resp.setStatus(refusal.status());
        resp.setContentType("application/json");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static void fail(HttpServletResponse resp, EngineError error) throws IOException {
        DebugLog.ENGINE.event(null, "request refused:", error);
        resp.setStatus(error.httpStatus());
        resp.setContentType("application/json");
        byte[] body = error.json().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
