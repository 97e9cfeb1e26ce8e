package dev.socketee.impl.engine.transport.websocket;

import dev.socketee.impl.engine.DebugLog;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EngineWire;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * The Jakarta WebSocket endpoint for one connection, made per upgrade by the servlet (so it
 * knows the handshake and, for an upgrade from polling, the session id). Either opens a new
 * session (websocket-only clients) or probes and takes over an existing polling session.
 */
public final class EngineWebSocketEndpoint extends Endpoint {

    private final EngineServer server;
    private final HandshakeInfo handshake;
    private final String upgradeSid;
    private final EngineWire wire;
    private WebSocketTransport transport;
    private EngineSession session;
    /** Set at the end of a successful onOpen; null for a refused websocket (its frames are dropped). */
    private volatile WebSocketFrames frames;
    /** Set at the end of onOpen; frames read before it wait in {@link #early} (see onOpen). */
    private volatile boolean ready;
    private final java.util.List<Object> early = new java.util.ArrayList<>(1);

    public EngineWebSocketEndpoint(EngineServer server, HandshakeInfo handshake, String upgradeSid) {
        this(server, handshake, upgradeSid, dev.socketee.impl.protocol.engine.Eio4Wire.INSTANCE);
    }

    /** {@code wire}: the protocol revision of the client (for an upgrade, the session's). */
    public EngineWebSocketEndpoint(EngineServer server, HandshakeInfo handshake, String upgradeSid, EngineWire wire) {
        this.server = server;
        this.wire = wire;
        this.handshake = handshake;
        this.upgradeSid = upgradeSid;
    }

    @Override
    public void onOpen(Session ws, EndpointConfig config) {
        // The handlers go first: a client sends its first frame (the probe) as soon as it has the
        // 101, and a container that reads that frame before onOpen has registered a handler drops
        // it (seen on Payara's Tyrus: now and then a probe was never answered). Frames read
        // before the endpoint is ready wait, in order, and are handled at the end of onOpen.
        ws.addMessageHandler(String.class, this::onTextFrame);
        ws.addMessageHandler(byte[].class, this::onBinaryFrame);
        try {
            open(ws);
        } finally {
            becomeReady();
        }
    }

    private void open(Session ws) {
        int max = server.options().maxPayload();
        ws.setMaxTextMessageBufferSize(max);
        ws.setMaxBinaryMessageBufferSize(max);
        ws.setMaxIdleTimeout(0); // the heartbeat decides when a connection is dead
        transport = new WebSocketTransport(ws, server.options(), wire);
        if (upgradeSid == null) {
            session = server.open(transport, handshake, wire.revision());
        } else {
            EngineSession target = server.session(upgradeSid);
            if (target == null || !target.isOpen()) {
                DebugLog.ENGINE.event(null, "upgrade: websocket for an unknown session; closed");
                closeAfterOnOpen(CloseReason.CloseCodes.VIOLATED_POLICY, "Session ID unknown");
                return;
            }
            if (!target.claimUpgrade(transport)) {
                DebugLog.ENGINE.event(target, "upgrade: a second websocket, or the session is not polling; closed");
                // node: a session already upgraded, or with another candidate, gets the websocket
                // closed at once and keeps its transport (node sends no status; 1000 is portable)
                closeAfterOnOpen(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
                return;
            }
            session = target;
        }
        transport.bind(session);
        frames = new WebSocketFrames(session, transport, wire, upgradeSid != null);
        if (upgradeSid == null) {
            session.onWritable(transport);
        }
    }

    /**
     * Closes a refused websocket once onOpen has returned, not inside it: Payara's Tyrus calls
     * onOpen from the servlet upgrade handler's init, and a close there fails in Grizzly
     * ("grizzlyOutputBuffer is null"), leaving the client without its close frame.
     */
    private void closeAfterOnOpen(CloseReason.CloseCode code, String reason) {
        WebSocketTransport t = transport;
        server.callbacks().execute(() -> t.closeWith(code, reason));
    }

    /** Handles the frames read while onOpen ran, then lets later frames through directly. */
    private void becomeReady() {
        synchronized (early) {
            for (Object frame : early) {
                dispatch(frame);
            }
            early.clear();
            ready = true;
        }
    }

    private void onTextFrame(String frame) {
        if (ready || !holdUntilReady(frame)) {
            dispatch(frame);
        }
    }

    private void onBinaryFrame(byte[] frame) {
        if (ready || !holdUntilReady(frame)) {
            dispatch(frame);
        }
    }

    /** False when the endpoint became ready meanwhile (the caller handles the frame itself). */
    private boolean holdUntilReady(Object frame) {
        synchronized (early) {
            if (ready) {
                return false;
            }
            early.add(frame);
            return true;
        }
    }

    private void dispatch(Object frame) {
        WebSocketFrames f = frames;
        if (f == null) {
            return; // refused in onOpen: the websocket is closing
        }
        if (frame instanceof String text) {
            f.onText(text);
        } else {
            f.onBinary((byte[]) frame);
        }
    }

    @Override
    public void onClose(Session ws, CloseReason reason) {
        DebugLog.ENGINE.event(session, "websocket closed, code", reason == null ? 1005 : reason.getCloseCode().getCode());
        if (transport != null) {
            transport.containerIsClosing(); // ending the session below must not close it again
            transport.closedByContainer();
        }
        if (session != null) {
            session.onTransportClosed(transport, EngineCloseReason.TRANSPORT_CLOSE);
        }
    }

    /** The connection failed: "transport close" when it was lost, "transport error" for a bad frame (see ConnectionLoss). */
    @Override
    public void onError(Session ws, Throwable error) {
        EngineCloseReason reason = ConnectionLoss.reasonFor(error);
        DebugLog.ENGINE.error(session, "websocket", reason, error);
        if (transport != null) {
            transport.closedByContainer();
        }
        if (session != null) {
            session.onTransportClosed(transport, reason);
        }
    }
}
