package dev.socketee.impl.engine.transport.websocket;

import dev.socketee.impl.engine.SessionTag;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketCodec;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.logging.Logger;

/**
 * The Jakarta WebSocket endpoint for one connection, made per upgrade by the servlet (so it
 * knows the handshake and, for an upgrade from polling, the session id). Either opens a new
 * session (websocket-only clients) or probes and takes over an existing polling session.
 */
public final class EngineWebSocketEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(EngineWebSocketEndpoint.class.getName());

    private final EngineServer server;
    private final HandshakeInfo handshake;
    private final String upgradeSid;
    private WebSocketTransport transport;
    private EngineSession session;
    private volatile boolean probing;

    public EngineWebSocketEndpoint(EngineServer server, HandshakeInfo handshake, String upgradeSid) {
        this.server = server;
        this.handshake = handshake;
        this.upgradeSid = upgradeSid;
    }

    @Override
    public void onOpen(Session ws, EndpointConfig config) {
        int max = server.options().maxPayload();
        ws.setMaxTextMessageBufferSize(max);
        ws.setMaxBinaryMessageBufferSize(max);
        ws.setMaxIdleTimeout(0); // the heartbeat decides when a connection is dead
        transport = new WebSocketTransport(ws, server.options());
        if (upgradeSid == null) {
            session = server.open(transport, handshake);
        } else {
            EngineSession target = server.session(upgradeSid);
            if (target == null || !target.isOpen()) {
                transport.closeWith(CloseReason.CloseCodes.VIOLATED_POLICY, "Session ID unknown");
                return;
            }
            if (!target.claimUpgrade(transport)) {
                // node: a session already upgraded, or with another candidate, gets the websocket
                // closed at once and keeps its transport (node sends no status; 1000 is portable)
                transport.closeWith(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
                return;
            }
            session = target;
            probing = true;
        }
        transport.bind(session);
        ws.addMessageHandler(String.class, this::onText);
        ws.addMessageHandler(byte[].class, this::onBinary);
        if (upgradeSid == null) {
            session.onWritable(transport);
        }
    }

    private void onText(String frame) {
        EnginePacket packet;
        try {
            packet = EnginePacketCodec.decodeText(frame);
        } catch (ProtocolException e) {
            LOG.fine(() -> "Session " + SessionTag.of(session.id()) + ": " + e.getMessage() + "; closing");
            if (probing) {
                transport.close();
            } else {
                session.onClose(EngineCloseReason.PARSE_ERROR);
            }
            return;
        }
        if (probing) {
            onUpgradePacket(packet);
        } else {
            session.onPacket(transport, packet);
        }
    }

    private void onBinary(byte[] frame) {
        if (probing) {
            transport.close(); // only probe and upgrade packets are valid before the switch
            return;
        }
        session.onPacket(transport, EnginePacketCodec.decodeBinary(frame));
    }

    private void onUpgradePacket(EnginePacket packet) {
        if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
            if (!session.onProbe(transport)) {
                transport.close();
            }
        } else if (packet.type() == EnginePacketType.UPGRADE && session.isUpgrading(transport)) {
            probing = false;
            session.onUpgrade(transport);
        } else {
            LOG.fine(() -> "Session " + SessionTag.of(session.id()) + ": invalid packet during upgrade: " + packet);
            transport.close();
        }
    }

    @Override
    public void onClose(Session ws, CloseReason reason) {
        if (transport != null) {
            transport.closedByContainer();
        }
        if (session != null) {
            session.onTransportClosed(transport, EngineCloseReason.TRANSPORT_CLOSE);
        }
    }

    @Override
    public void onError(Session ws, Throwable error) {
        LOG.fine(() -> "WebSocket error: " + error);
        if (transport != null) {
            transport.closedByContainer();
        }
        if (session != null) {
            session.onTransportClosed(transport, EngineCloseReason.TRANSPORT_ERROR);
        }
    }
}
