package dev.socketee.impl.engine.transport.websocket;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Engine.IO over one Jakarta WebSocket connection: one packet per frame, text or binary, sent
 * with the async remote, one frame in flight at a time. A send that completes inline (the
 * container wrote at once) continues in a loop rather than recursing.
 */
public final class WebSocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class.getName());

    private final Session ws;
    private final RemoteEndpoint.Async remote;
    private final ArrayDeque<EnginePacket> queue = new ArrayDeque<>();
    private volatile EngineSession session;
    private boolean sending;

    public WebSocketTransport(Session ws) {
        this.ws = ws;
        this.remote = ws.getAsyncRemote();
    }

    public void bind(EngineSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return EngineIoOptions.WEBSOCKET;
    }

    @Override
    public void send(List<EnginePacket> packets) {
        synchronized (this) {
            queue.addAll(packets);
            if (sending) {
                return;
            }
            sending = true;
        }
        drain();
    }

    private void drain() {
        while (true) {
            EnginePacket p;
            synchronized (this) {
                p = queue.poll();
                if (p == null) {
                    sending = false;
                }
            }
            if (p == null) {
                EngineSession s = session;
                if (s != null) {
                    s.onWritable(this);
                }
                return;
            }
            FrameSent sent = new FrameSent();
            try {
                if (p.isBinary()) {
                    remote.sendBinary(ByteBuffer.wrap(p.binary()), sent);
                } else {
                    remote.sendText(EnginePacketCodec.encodeText(p), sent);
                }
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (sent.callerLeft()) {
                return; // the completion callback continues from the container's thread
            }
        }
    }

    /**
     * Completion of one frame. Whoever comes second continues: the caller, if the container
     * completed the send inline (a loop, no recursion), otherwise the callback.
     */
    private final class FrameSent implements SendHandler {
        private static final int SENDING = 0;
        private static final int CALLER_LEFT = 1;
        private static final int DONE_INLINE = 2;
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();

        boolean callerLeft() {
            return state.compareAndSet(SENDING, CALLER_LEFT);
        }

        @Override
        public void onResult(SendResult result) {
            if (!result.isOK()) {
                state.set(CALLER_LEFT);
                failed(result.getException());
                return;
            }
            if (!state.compareAndSet(SENDING, DONE_INLINE)) {
                drain();
            }
        }
    }

    private void failed(Throwable t) {
        LOG.log(Level.FINE, "WebSocket send failed", t);
        synchronized (this) {
            queue.clear();
            sending = false;
        }
        EngineSession s = session;
        if (s != null) {
            s.onTransportClosed(this, EngineCloseReason.TRANSPORT_ERROR);
        }
    }

    @Override
    public void close() {
        closeWith(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
    }

    void closeWith(CloseReason.CloseCode code, String reason) {
        if (!ws.isOpen()) {
            return;
        }
        try {
            ws.close(new CloseReason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "WebSocket close failed", e);
        }
    }
}
