package dev.socketee.impl.engine.transport.jettycore;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EngineWire;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * Engine.IO over one Jetty-core websocket: one packet per frame, pulled from the session as the
 * {@link Transport} contract says (inline completions continue the loop on the same stack, later
 * ones resume it once from Jetty's thread; never a recursion). A text frame's payload is the
 * packet's UTF-8 bytes, made once per packet ({@link EngineWire#textFrameUtf8}) and shared by
 * every receiver of a broadcast, each with its own buffer view (server frames are not masked:
 * nothing writes to the array). A batch is handed to Jetty whole, its frames but the last
 * batched, so a batch is one flush.
 */
public final class JettyCoreTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(JettyCoreTransport.class.getName());

    private final CoreSession ws;
    private final EngineWire wire;
    private final Duration closeTimeout;
    private volatile EngineSession session;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Set by the first failed write: the session is told once. */
    private final java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();

    JettyCoreTransport(CoreSession ws, EngineIoOptions options, EngineWire wire) {
        this.ws = ws;
        this.wire = wire;
        this.closeTimeout = options.closeTimeout();
    }

    void bind(EngineSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return EngineIoOptions.WEBSOCKET;
    }

    @Override
    public void send(List<EnginePacket> packets) {
        writeFrom(packets);
    }

    /**
     * Writes batches until the session has nothing more, or until a batch completes later (its
     * completion then resumes this loop once, from Jetty's thread).
     */
    private void writeFrom(List<EnginePacket> first) {
        List<EnginePacket> batch = first;
        while (batch != null) {
            BatchSent sent = writeBatch(batch);
            if (sent == null) {
                return;
            }
            if (sent.callerLeft()) {
                return; // the completion continues from Jetty's thread
            }
            // completed before the caller could leave: read its result only now, so a failure
            // reported between a check and the leaving cannot be taken for a success
            Throwable inline = sent.inlineFailure();
            if (inline != null) {
                failed(inline);
                return;
            }
            batch = pullNext();
        }
    }

    private List<EnginePacket> pullNext() {
        EngineSession s = session;
        return s == null ? null : s.pollBatch(this);
    }

    /**
     * Queues every frame of the batch with Jetty at once, all but the last batched (one flush);
     * Jetty completes them in order, so the last one's completion is the batch's. Null when
     * Jetty refused a frame (reported).
     */
    private BatchSent writeBatch(List<EnginePacket> batch) {
        BatchSent sent = new BatchSent();
        int last = batch.size() - 1;
        for (int i = 0; i <= last; i++) {
            EnginePacket p = batch.get(i);
            DebugLog.ENGINE_PACKETS.packet(session, false, EngineIoOptions.WEBSOCKET, p);
            try {
                ws.sendFrame(frame(p), i == last ? sent : sent.earlier, i < last);
            } catch (RuntimeException e) {
                failed(e);
                return null;
            }
        }
        return sent;
    }

    private Frame frame(EnginePacket p) {
        if (p.isBinary() && wire.binaryFrames()) {
            return new Frame(OpCode.BINARY, ByteBuffer.wrap(wire.binaryFrame(p)));
        }
        return new Frame(OpCode.TEXT, ByteBuffer.wrap(wire.textFrameUtf8(p)));
    }

    /**
     * One batch's completion. Whoever comes second continues: the caller, if Jetty completed
     * the last frame inline (a loop, no recursion), otherwise this callback. A failure reported
     * inline is left to the caller.
     */
    private final class BatchSent implements Callback {
        private static final int SENDING = 0;
        private static final int CALLER_LEFT = 1;
        private static final int DONE_INLINE = 2;
        private static final int FAILED_INLINE = 3;
        private final AtomicInteger state = new AtomicInteger();
        private volatile Throwable failure;
        /** The completion of the batch's other frames: only a failure matters. */
        final Callback earlier = new Callback() {
            @Override
            public void failed(Throwable t) {
                BatchSent.this.failed(t);
            }
        };

        boolean callerLeft() {
            return state.compareAndSet(SENDING, CALLER_LEFT);
        }

        Throwable inlineFailure() {
            return state.get() == FAILED_INLINE ? failure : null;
        }

        @Override
        public void succeeded() {
            if (!state.compareAndSet(SENDING, DONE_INLINE) && state.get() == CALLER_LEFT) {
                writeFrom(pullNext());
            }
        }

        @Override
        public void failed(Throwable t) {
            if (failure == null) {
                failure = t;
            }
            if (!state.compareAndSet(SENDING, FAILED_INLINE)) {
                JettyCoreTransport.this.failed(t);
            }
        }
    }

    private void failed(Throwable t) {
        if (!broken.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.FINE, "WebSocket send failed", t);
        EngineSession s = session;
        DebugLog.ENGINE.error(s, "websocket write", EngineCloseReason.TRANSPORT_ERROR, t);
        if (s != null) {
            s.onTransportClosed(this, EngineCloseReason.TRANSPORT_ERROR);
        }
    }

    @Override
    public CompletionStage<Void> whenClosed() {
        return closed;
    }

    /** Jetty reported the connection closed (onClosed, after onError too). */
    void closedByContainer() {
        closed.complete(null);
    }

    @Override
    public void close() {
        closeWith(CloseStatus.NORMAL, "");
    }

    /**
     * The close frame, with the connection's idle timeout (off while the session lives) set to
     * closeTimeout: a peer that stops reading has its connection torn down (as on the Jakarta path).
     */
    void closeWith(int code, String reason) {
        if (!ws.isOutputOpen()) {
            return;
        }
        try {
            ws.setIdleTimeout(closeTimeout);
            ws.close(code, reason, Callback.NOOP);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "WebSocket close failed", e);
        }
    }
}
