package dev.socketee.impl.engine.transport.polling;

import dev.socketee.impl.engine.SessionTag;
import dev.socketee.impl.engine.ThrottledLog;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineError;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.PollingPayloadCodec;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * HTTP long-polling for one session. A GET is parked as an {@link AsyncContext} (no container
 * thread waits) until the session has packets for it; a POST body is read without blocking and
 * its packets handed to the session. A second GET or POST while one is pending is a protocol
 * error that closes the session, as in node's engine.io.
 */
public final class PollingTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(PollingTransport.class.getName());
    /** Client-provoked lines: throttled, so a flood of bad requests cannot flood the log. */
    private static final ThrottledLog CLIENT_ERRORS = new ThrottledLog(LOG, java.util.logging.Level.INFO);
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final String TEXT = "text/plain; charset=UTF-8";
    static final PollingPayloadCodec CODEC = new PollingPayloadCodec(1000);

    private final int maxPayload;
    private final AtomicReference<AsyncContext> pendingGet = new AtomicReference<>();
    private final AtomicBoolean postInFlight = new AtomicBoolean();
    private volatile EngineSession session;

    public PollingTransport(EngineIoOptions options) {
        this.maxPayload = options.maxPayload();
    }

    public void bind(EngineSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return EngineIoOptions.POLLING;
    }

    /** A GET: park it until there is something to send. */
    public void onPoll(HttpServletRequest req, HttpServletResponse resp) {
        AsyncContext ac = req.startAsync();
        ac.setTimeout(0); // the heartbeat answers every GET within pingInterval
        if (!pendingGet.compareAndSet(null, ac)) {
            LOG.fine(() -> "Session " + SessionTag.of(session.id()) + ": overlapping GET; closing");
            writeError(ac, EngineError.BAD_REQUEST);
            session.onClose(EngineCloseReason.TRANSPORT_ERROR);
            return;
        }
        ac.addListener(new GetListener());
        session.onWritable(this);
    }

    /** A POST: read the payload, hand its packets to the session, answer "ok". */
    public void onData(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AsyncContext ac = req.startAsync();
        ac.setTimeout(30_000);
        if (!postInFlight.compareAndSet(false, true)) {
            LOG.fine(() -> "Session " + SessionTag.of(session.id()) + ": overlapping POST; closing");
            writeError(ac, EngineError.BAD_REQUEST);
            session.onClose(EngineCloseReason.TRANSPORT_ERROR);
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > maxPayload) {
            tooLarge(ac);
            return;
        }
        req.getInputStream().setReadListener(new AsyncBodyReader(req.getInputStream(), maxPayload, (int) Math.max(declared, 0),
                new AsyncBodyReader.Callbacks() {
                    @Override
                    public void onBody(byte[] body, int length) {
                        onPayload(ac, new String(body, 0, length, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void onTooLarge() {
                        tooLarge(ac);
                    }

                    @Override
                    public void onReadError(Throwable t) {
                        postInFlight.set(false);
                        AsyncResponses.completeQuietly(ac);
                        session.onTransportClosed(PollingTransport.this, EngineCloseReason.TRANSPORT_ERROR);
                    }
                }));
    }

    private void onPayload(AsyncContext ac, String payload) {
        List<EnginePacket> packets;
        try {
            packets = CODEC.decode(payload);
        } catch (ProtocolException e) {
            LOG.fine(() -> "Session " + SessionTag.of(session.id()) + ": " + e.getMessage() + "; closing");
            postInFlight.set(false);
            writeError(ac, EngineError.BAD_REQUEST);
            session.onClose(EngineCloseReason.PARSE_ERROR);
            return;
        }
        for (EnginePacket p : packets) {
            session.onPacket(this, p);
        }
        postInFlight.set(false);
        AsyncResponses.write(ac, 200, "text/html", OK);
    }

    private void tooLarge(AsyncContext ac) {
        CLIENT_ERRORS.log(() -> "Session " + SessionTag.of(session.id()) + ": POST body over maxPayload (" + maxPayload + " bytes); closing");
        postInFlight.set(false);
        AsyncResponses.write(ac, 413, TEXT, "Payload Too Large".getBytes(StandardCharsets.US_ASCII));
        session.onClose(EngineCloseReason.TRANSPORT_ERROR);
    }

    private static void writeError(AsyncContext ac, EngineError error) {
        AsyncResponses.write(ac, error.httpStatus(), "application/json", error.json().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(List<EnginePacket> packets) {
        AsyncContext ac = pendingGet.getAndSet(null);
        if (ac == null) {
            return; // the GET went away meanwhile; the session closes through the listener
        }
        StringBuilder sb = new StringBuilder(64);
        CODEC.encode(packets, sb);
        AsyncResponses.write(ac, 200, TEXT, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        answerPendingGet(EnginePacket.CLOSE);
    }

    @Override
    public void discard() {
        answerPendingGet(EnginePacket.NOOP);
    }

    private void answerPendingGet(EnginePacket packet) {
        AsyncContext ac = pendingGet.getAndSet(null);
        if (ac != null) {
            byte[] body = String.valueOf(packet.type().code()).getBytes(StandardCharsets.US_ASCII);
            AsyncResponses.write(ac, 200, TEXT, body);
        }
    }

    /** A parked GET whose connection fails is a transport error for the session. */
    private final class GetListener implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            abandoned(event);
        }

        @Override
        public void onError(AsyncEvent event) {
            abandoned(event);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void abandoned(AsyncEvent event) {
            if (pendingGet.compareAndSet(event.getAsyncContext(), null)) {
                AsyncResponses.completeQuietly(event.getAsyncContext());
                session.onTransportClosed(PollingTransport.this, EngineCloseReason.TRANSPORT_ERROR);
            }
        }
    }
}
