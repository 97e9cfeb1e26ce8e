package dev.socketee.impl.engine.transport.websocket;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EngineWire;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Engine.IO over one Jakarta WebSocket connection: one packet per frame, text or binary, sent
 * with the async remote, one frame in flight at a time. It pulls its batches from the session
 * (see {@link Transport}): a frame that completes inline (the container wrote at once) continues
 * the loop on the same stack, one that completes later resumes it from the completion's thread;
 * the loop never recurses, however the container completes and however many threads send.
 *
 * <p>On Tyrus (Payara, GlassFish) every send reschedules the session's idle timeout on the
 * container's managed scheduled executor, even when the timeout is off, and Payara's executor
 * captures the thread context of each task with an uncached {@code ServiceLoader} lookup through
 * the thread's context class loader: through the web application's, that scans every jar of the
 * server's class path (~300 on Payara Micro, hundreds of microseconds and contended jar locks per
 * frame). The send therefore runs with the platform class loader as context class loader there:
 * nothing in a send of a String or ByteBuffer needs the application's, and the captured task (the
 * no-op idle-timeout check) does not either. Completions that come back inline only record their
 * result; everything else runs with the caller's class loader.
 */
public final class WebSocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class.getName());

    private final Session ws;
    private final RemoteEndpoint.Async remote;
    /** The context class loader for sends, or null to leave the caller's (see the class comment). */
    private final ClassLoader sendLoader;
    private final long closeTimeoutMillis;
    /** The protocol revision the client speaks: how a binary packet is framed. */
    private final EngineWire wire;
    private volatile EngineSession session;
    private final java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
    /** The container called onClose: the session is closing, and it is the container's to finish. */
    private volatile boolean containerIsClosing;
    /**
     * The batch being written and the index of its next frame. Only the thread that runs the
     * send loop touches them, and the loop passes from one thread to the next through a frame's
     * completion (an atomic hand-off), so they need no lock.
     */
    private List<EnginePacket> batch = List.of();
    private int next;

    public WebSocketTransport(Session ws, EngineIoOptions options) {
        this(ws, options, dev.socketee.impl.protocol.engine.Eio4Wire.INSTANCE);
    }

    public WebSocketTransport(Session ws, EngineIoOptions options, EngineWire wire) {
        this.ws = ws;
        this.wire = wire;
        this.remote = ws.getAsyncRemote();
        this.sendLoader = ws.getClass().getName().startsWith("org.glassfish.tyrus.")
                ? ClassLoader.getPlatformClassLoader() : null;
        this.closeTimeoutMillis = options.closeTimeout().toMillis();
    }

    public void bind(EngineSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return EngineIoOptions.WEBSOCKET;
    }

    /** The session hands a batch to this idle transport: write it, then pull the next ones. */
    @Override
    public void send(List<EnginePacket> packets) {
        batch = packets;
        next = 0;
        writeLoop();
    }

    /**
     * Writes frames until the session has nothing more, or until a frame completes later (its
     * completion then resumes this loop once, on the container's thread).
     */
    private void writeLoop() {
        while (true) {
            if (next == batch.size()) {
                // let go of the written batch before pulling: once the pull finds nothing, the
                // session may hand the next batch to another thread, which then owns these fields
                batch = List.of();
                next = 0;
                EngineSession s = session;
                List<EnginePacket> more = s == null ? null : s.pollBatch(this);
                if (more == null) {
                    return; // idle: the session hands over the next batch with send
                }
                batch = more;
                continue;
            }
            EnginePacket p = batch.get(next++);
            FrameSent sent = new FrameSent();
            Throwable error = send(p, sent);
            if (error == null) {
                if (sent.callerLeft()) {
                    return; // the completion continues from the container's thread
                }
                // completed before the caller could leave: read its result only now, so a failure
                // reported between a check and the leaving cannot be taken for a success
                error = sent.inlineFailure();
            }
            if (error != null) {
                failed(error);
                return;
            }
        }
    }

    /** Hands one frame to the container; returns what it threw, if anything. */
    private Throwable send(EnginePacket p, FrameSent sent) {
        Thread thread = null;
        ClassLoader callers = null;
        if (sendLoader != null) {
            thread = Thread.currentThread();
            callers = thread.getContextClassLoader();
            thread.setContextClassLoader(sendLoader);
        }
        DebugLog.ENGINE_PACKETS.packet(session, false, EngineIoOptions.WEBSOCKET, p);
        try {
            if (p.isBinary() && wire.binaryFrames()) {
                remote.sendBinary(ByteBuffer.wrap(wire.binaryFrame(p)), sent);
            } else {
                remote.sendText(wire.textFrame(p), sent);
            }
            return null;
        } catch (RuntimeException e) {
            return e;
        } finally {
            if (thread != null) {
                thread.setContextClassLoader(callers);
            }
        }
    }

    /**
     * Completion of one frame. Whoever comes second continues: the caller, if the container
     * completed the send inline (a loop, no recursion), otherwise the callback. A failure
     * reported inline is left to the caller, which handles it once the send has returned.
     */
    private final class FrameSent implements SendHandler {
        private static final int SENDING = 0;
        private static final int CALLER_LEFT = 1;
        private static final int DONE_INLINE = 2;
        private static final int FAILED_INLINE = 3;
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        private Throwable failure;

        boolean callerLeft() {
            return state.compareAndSet(SENDING, CALLER_LEFT);
        }

        /** The failure the container reported before the send returned, or null. */
        Throwable inlineFailure() {
            return state.get() == FAILED_INLINE ? failure : null;
        }

        @Override
        public void onResult(SendResult result) {
            if (!result.isOK()) {
                Throwable t = result.getException() != null ? result.getException()
                        : new java.io.IOException("WebSocket send failed");
                failure = t;
                if (!state.compareAndSet(SENDING, FAILED_INLINE)) {
                    failed(t);
                }
                return;
            }
            if (!state.compareAndSet(SENDING, DONE_INLINE)) {
                writeLoop();
            }
        }
    }

    private void failed(Throwable t) {
        LOG.log(Level.FINE, "WebSocket send failed", t);
        batch = List.of();
        EngineSession s = session;
        DebugLog.ENGINE.error(s, "websocket write", EngineCloseReason.TRANSPORT_ERROR, t); // node's "write error"
        if (s != null) {
            s.onTransportClosed(this, EngineCloseReason.TRANSPORT_ERROR);
        }
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> whenClosed() {
        return closed;
    }

    /** The container reported the connection closed (its onClose or onError). */
    void closedByContainer() {
        closed.complete(null);
    }

    /**
     * The container is in its onClose for this connection: a close from now on does nothing. Closing there is
     * pointless (the container is closing it), and on Open Liberty, whose read-error close calls onClose first and
     * writes its own close frame after it returns, a second close and the idle timeout set for it would reach a
     * connection in the middle of that close (docs/upstream/open-liberty-websocket-close-hang.md).
     */
    void containerIsClosing() {
        containerIsClosing = true;
    }

    @Override
    public void close() {
        closeWith(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
    }

    /**
     * Sends the close frame, with a deadline: the container's idle timeout (off while the
     * session lives, the heartbeat decides) is set to closeTimeout, so a peer that stops reading
     * (the close frame then waits behind writes that never complete) has its TCP connection torn
     * down by the container instead of holding it and its kernel buffers forever.
     */
    void closeWith(CloseReason.CloseCode code, String reason) {
        if (containerIsClosing || !ws.isOpen()) {
            return;
        }
        try {
            ws.setMaxIdleTimeout(closeTimeoutMillis);
            ws.close(new CloseReason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "WebSocket close failed", e);
        }
    }
}
