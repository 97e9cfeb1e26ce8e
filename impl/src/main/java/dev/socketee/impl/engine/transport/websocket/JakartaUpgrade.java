package dev.socketee.impl.engine.transport.websocket;

import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.WebSocketUpgrade;
import dev.socketee.impl.protocol.engine.EngineWire;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.util.Collections;

/** The portable upgrade: Jakarta WebSocket 2.1 {@code upgradeHttpToWebSocket} through the {@link WebSocketBridge}. */
public final class JakartaUpgrade implements WebSocketUpgrade {

    private final EngineServer server;
    private final ServerContainer webSockets;
    private final WebSocketBridge bridge;

    public JakartaUpgrade(EngineServer server, ServerContainer webSockets, WebSocketBridge bridge) {
        this.server = server;
        this.webSockets = webSockets;
        this.bridge = bridge;
    }

    @Override
    public void upgrade(HttpServletRequest req, HttpServletResponse resp, HandshakeInfo handshake, String sid, EngineWire wire)
            throws Exception {
        EngineWebSocketEndpoint endpoint = new EngineWebSocketEndpoint(server, handshake, sid, wire);
        bridge.upgrade(endpoint, config -> webSockets.upgradeHttpToWebSocket(req, resp, config, Collections.emptyMap()));
    }
}
