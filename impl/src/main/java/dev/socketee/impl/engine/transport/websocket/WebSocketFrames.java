package dev.socketee.impl.engine.transport.websocket;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import dev.socketee.impl.protocol.engine.EngineWire;

/**
 * What a websocket's messages mean to its Engine.IO session, whichever WebSocket API carries
 * them (the portable Jakarta endpoint, the Jetty-core handler of the embedded runner): while the
 * websocket is a polling session's upgrade candidate only the probe and the upgrade packet are
 * valid (anything else closes the websocket, the session keeps polling); after the switch, or on
 * a websocket that opened its own session, every packet goes to the session, and a malformed one
 * closes it ({@code parse error}), as node's websocket transport does.
 */
public final class WebSocketFrames {

    private final EngineSession session;
    private final Transport transport;
    private final EngineWire wire;
    /** Until the client's upgrade packet: the websocket is only a candidate. */
    private volatile boolean probing;

    /** {@code probing}: the websocket came to upgrade a polling session (it holds the candidate's claim). */
    public WebSocketFrames(EngineSession session, Transport transport, EngineWire wire, boolean probing) {
        this.session = session;
        this.transport = transport;
        this.wire = wire;
        this.probing = probing;
    }

    public void onText(String frame) {
        EnginePacket packet;
        try {
            packet = wire.decodeTextFrame(frame);
        } catch (ProtocolException e) {
            DebugLog.ENGINE.event(session, "websocket: malformed packet:", e.getMessage());
            if (probing) {
                transport.close();
            } else {
                session.onClose(EngineCloseReason.PARSE_ERROR);
            }
            return;
        }
        DebugLog.ENGINE_PACKETS.packet(session, true, EngineIoOptions.WEBSOCKET, packet);
        if (probing) {
            onUpgradePacket(packet);
        } else {
            session.onPacket(transport, packet);
        }
    }

    public void onBinary(byte[] frame) {
        if (probing) {
            DebugLog.ENGINE.event(session, "upgrade: binary frame before the upgrade; websocket closed");
            transport.close(); // only probe and upgrade packets are valid before the switch
            return;
        }
        EnginePacket packet;
        try {
            packet = wire.decodeBinaryFrame(frame);
        } catch (ProtocolException e) {
            DebugLog.ENGINE.event(session, "websocket: malformed binary packet:", e.getMessage());
            session.onClose(EngineCloseReason.PARSE_ERROR);
            return;
        }
        DebugLog.ENGINE_PACKETS.packet(session, true, EngineIoOptions.WEBSOCKET, packet);
        session.onPacket(transport, packet);
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
            DebugLog.ENGINE.event(session, "upgrade: invalid packet during the upgrade; websocket closed:", packet.type());
            transport.close();
        }
    }
}
