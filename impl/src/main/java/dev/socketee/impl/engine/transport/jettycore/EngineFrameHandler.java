package dev.socketee.impl.engine.transport.jettycore;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.websocket.ConnectionLoss;
import dev.socketee.impl.engine.transport.websocket.WebSocketFrames;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import dev.socketee.impl.protocol.engine.EngineWire;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/**
 * One Jetty-core websocket connection, made per upgrade by the servlet (it knows the handshake
 * and, for an upgrade from polling, the session id): opens a session, or probes and takes over a
 * polling one, exactly as the Jakarta endpoint does. Frames come one at a time, on Jetty's
 * demand: the next is asked for once this one is handled (back-pressure on a client that sends
 * faster than its handlers run). A text frame is decoded straight from Jetty's buffer
 * ({@link Utf8Payload}); messages over maxPayload close with 1009, bad UTF-8 with 1007.
 */
final class EngineFrameHandler implements FrameHandler {

    private final EngineServer server;
    private final HandshakeInfo handshake;
    private final String upgradeSid;
    private final EngineWire wire;
    private final int maxPayload;
    /** Made by the first fragmented message: most connections never have one. */
    private MessageAssembly fragments;
    private CoreSession ws;
    private JettyCoreTransport transport;
    /** Null when the websocket was refused in onOpen: its frames are read and dropped while it closes. */
    private volatile EngineSession session;
    /** What the frames mean to the session; null for a refused websocket (its frames are read and dropped). */
    private volatile WebSocketFrames frames;

    EngineFrameHandler(EngineServer server, HandshakeInfo handshake, String upgradeSid, EngineWire wire) {
        this.server = server;
        this.handshake = handshake;
        this.upgradeSid = upgradeSid;
        this.wire = wire;
        this.maxPayload = server.options().maxPayload();
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        ws = coreSession;
        transport = new JettyCoreTransport(coreSession, server.options(), wire);
        if (upgradeSid == null) {
            session = server.open(transport, handshake, wire.revision());
            transport.bind(session);
            frames = new WebSocketFrames(session, transport, wire, false);
            callback.succeeded();
            session.onWritable(transport);
            coreSession.demand();
            return;
        }
        EngineSession target = server.session(upgradeSid);
        callback.succeeded();
        if (target == null || !target.isOpen()) {
            DebugLog.ENGINE.event(null, "upgrade: websocket for an unknown session; closed");
            transport.closeWith(CloseStatus.POLICY_VIOLATION, "Session ID unknown");
        } else if (!target.claimUpgrade(transport)) {
            DebugLog.ENGINE.event(target, "upgrade: a second websocket, or the session is not polling; closed");
            transport.closeWith(CloseStatus.NORMAL, ""); // node: closed at once, the session keeps its transport
        } else {
            session = target;
            transport.bind(target);
            frames = new WebSocketFrames(target, transport, wire, true);
        }
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte op = frame.getOpCode();
        if (op == OpCode.TEXT || op == OpCode.BINARY) {
            if (frame.isFin()) {
                if (frame.getPayloadLength() > maxPayload) {
                    callback.failed(tooLarge());
                    return;
                }
                deliver(op == OpCode.TEXT, frame.getPayload() == null ? ByteBuffer.allocate(0) : frame.getPayload(), callback);
                return;
            }
            if (fragments == null) {
                fragments = new MessageAssembly(maxPayload);
            }
            fragments.start(op == OpCode.TEXT);
            append(frame, callback);
        } else if (op == OpCode.CONTINUATION) {
            append(frame, callback);
        } else {
            callback.succeeded(); // ping (Jetty answers it), pong, close (Jetty completes the handshake)
            if (op != OpCode.CLOSE) {
                ws.demand();
            }
        }
    }

    private void append(Frame frame, Callback callback) {
        if (fragments == null || !fragments.isActive()) {
            callback.failed(new org.eclipse.jetty.websocket.core.exception.ProtocolException("CONTINUATION without a message"));
            return;
        }
        if (frame.hasPayload() && !fragments.append(frame.getPayload())) {
            fragments.reset();
            callback.failed(tooLarge());
            return;
        }
        if (!frame.isFin()) {
            callback.succeeded();
            ws.demand();
            return;
        }
        boolean text = fragments.isText();
        deliver(text, ByteBuffer.wrap(fragments.take()), callback);
    }

    private MessageTooLargeException tooLarge() {
        return new MessageTooLargeException("Message larger than maxPayload (" + maxPayload + " bytes)");
    }

    /**
     * Handles one message, then asks Jetty for the next frame. Whatever the handling throws
     * (nothing should: the session logs handler failures) fails the frame, so Jetty closes the
     * connection (1011) instead of leaving it without demand.
     */
    private void deliver(boolean text, ByteBuffer payload, Callback callback) {
        WebSocketFrames f = frames;
        if (f != null) {
            try {
                if (text) {
                    f.onText(Utf8Payload.decode(payload));
                } else {
                    byte[] bytes = new byte[payload.remaining()];
                    payload.get(payload.position(), bytes);
                    f.onBinary(bytes);
                }
            } catch (CharacterCodingException e) {
                callback.failed(new BadPayloadException("Invalid UTF-8 in a text message"));
                return;
            } catch (RuntimeException e) {
                callback.failed(e);
                return;
            }
        }
        callback.succeeded();
        ws.demand();
    }

    /** Followed by onClosed. A lost connection is "transport close", a bad frame "transport error" (ConnectionLoss). */
    @Override
    public void onError(Throwable cause, Callback callback) {
        EngineCloseReason reason = ConnectionLoss.reasonFor(cause);
        EngineSession s = session;
        DebugLog.ENGINE.error(s, "websocket", reason, cause);
        if (transport != null) {
            transport.closedByContainer();
        }
        if (s != null) {
            s.onTransportClosed(transport, reason);
        }
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        EngineSession s = session;
        DebugLog.ENGINE.event(s, "websocket closed, code", closeStatus == null ? 1005 : closeStatus.getCode());
        if (transport != null) {
            transport.closedByContainer();
        }
        if (s != null) {
            s.onTransportClosed(transport, EngineCloseReason.TRANSPORT_CLOSE);
        }
        callback.succeeded();
    }
}
