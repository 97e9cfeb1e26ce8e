package dev.socketee.impl.engine.transport;

import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.protocol.engine.EngineWire;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How {@link EngineServlet} turns a checked upgrade request into an Engine.IO websocket: through
 * the portable Jakarta WebSocket container ({@code websocket.JakartaUpgrade}, every server), or
 * through Jetty 12's websocket core ({@code jettycore.JettyCoreUpgrade}, the embedded default
 * only). The servlet has done every check (origin, transport, sid, admission) before; the
 * upgrade opens a session ({@code sid} null) or probes the polling session {@code sid}.
 */
public interface WebSocketUpgrade {

    /**
     * Upgrades, or throws; an {@link java.io.IOException} means the client went away meanwhile.
     * A container that returns without upgrading leaves the response uncommitted (not 101).
     */
    void upgrade(HttpServletRequest req, HttpServletResponse resp, HandshakeInfo handshake, String sid, EngineWire wire)
            throws Exception;
}
