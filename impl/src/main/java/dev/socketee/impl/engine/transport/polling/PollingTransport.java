package dev.socketee.impl.engine.transport.polling;

import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.Scheduler;
import dev.socketee.impl.engine.SessionTag;
import dev.socketee.impl.engine.ThrottledLog;
import dev.socketee.impl.engine.Timeout;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineError;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import dev.socketee.impl.protocol.engine.EngineWire;
import dev.socketee.impl.protocol.engine.Eio4Wire;
import jakarta.servlet.AsyncContext;
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
 *
 * <p>Once the session leaves this transport (closed, or upgraded to a websocket) the transport
 * is {@linkplain Ended ended}: the parked GET and a POST still being read are answered, and a
 * request that got past the servlet's session look-up just before is refused. Each request
 * publishes itself before it reads {@link #ended}, and the end is recorded before the pending
 * requests are taken, so one of the two always sees the other, whichever thread runs first.
 */
public final class PollingTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(PollingTransport.class.getName());
    /** Client-provoked lines: throttled, so a flood of bad requests cannot flood the log. */
    private static final ThrottledLog CLIENT_ERRORS = new ThrottledLog(LOG, java.util.logging.Level.INFO);
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final String TEXT = "text/plain; charset=UTF-8";
    /**
     * How much of a body over maxPayload is read and thrown away after the 413, beyond
     * maxPayload: enough for a client that stops sending at the answer, and a bound, so that a
     * client cannot make the server read without end.
     */
    static final long MAX_DISCARD = 4L << 20;

    /** Why the session left this transport: what a parked GET gets, and what a late request gets. */
    enum Ended {
        /** The session closed: the parked GET gets a close packet, as in node's {@code doClose}. */
        CLOSED(EnginePacket.CLOSE, EngineError.UNKNOWN_SID),
        /** The client's close packet: node answers the parked GET with a noop. */
        CLIENT_CLOSED(EnginePacket.NOOP, EngineError.UNKNOWN_SID),
        /**
         * Upgraded to a websocket: polling on this sid is over. A standard client has no GET out
         * when it sends {@code 5} (it pauses polling first), so a GET parked then is one that raced
         * the {@code 5} to the server; it gets what node answers a poll after the upgrade.
         */
        DISCARDED(null, EngineError.BAD_REQUEST);

        final EnginePacket parkedGetAnswer;
        final EngineError lateRequestAnswer;

        Ended(EnginePacket parkedGetAnswer, EngineError lateRequestAnswer) {
            this.parkedGetAnswer = parkedGetAnswer;
            this.lateRequestAnswer = lateRequestAnswer;
        }
    }

    private final int maxPayload;
    /** The protocol revision the client speaks (v4, or v3 with or without binary). */
    private final EngineWire wire;
    /**
     * Backstops only, twice pingInterval + pingTimeout: the heartbeat answers every parked GET
     * within pingInterval, and a client whose POST does not arrive cannot pong, so the ping
     * timeout closes its session (and drops the POST) first. Twice, so that the backstop never
     * races that close and its answer.
     */
    private final long requestTimeoutMillis;
    private final AtomicReference<AsyncContext> pendingGet = new AtomicReference<>();
    /** From the start of a POST to its answer, so that a second one is an overlap. */
    private final AtomicBoolean postInFlight = new AtomicBoolean();
    /** The POST whose body is being read: taken by whoever finishes it (body, error, timeout, end). */
    private final AtomicReference<AsyncContext> readingPost = new AtomicReference<>();
    private volatile Ended ended;
    private volatile EngineSession session;
    private final Scheduler scheduler;
    /** The client sent its close packet; the session ends once the GET it sent before is answered. */
    private final AtomicBoolean clientClosing = new AtomicBoolean();
    /** The POST that carried the close packet, answered "ok" once the close is done. */
    private final AtomicReference<AsyncContext> closingPost = new AtomicReference<>();
    private final Timeout noGetAfterClientClose = new Timeout() {
        @Override
        protected void expire() {
            finishClientClose();
        }
    };
    /** How long a close packet with no GET parked waits for one: {@link #CLOSE_WAITS_FOR_GET_MILLIS} at most, pingTimeout when shorter. */
    private final long closeWaitsForGetMillis;

    /**
     * How long a client's close packet waits for the GET the client may have sent with it, when
     * none is parked yet: the two requests travel on two connections, and a multi-threaded
     * container may serve the POST first (node's single event loop sees them in the order they
     * arrived).
     */
    static final long CLOSE_WAITS_FOR_GET_MILLIS = 500;

    public PollingTransport(EngineIoOptions options, Scheduler scheduler) {
        this(options, scheduler, Eio4Wire.INSTANCE);
    }

    public PollingTransport(EngineIoOptions options, Scheduler scheduler, EngineWire wire) {
        this.wire = wire;
        this.maxPayload = options.maxPayload();
        this.requestTimeoutMillis = 2 * options.pingInterval().plus(options.pingTimeout()).toMillis();
        this.scheduler = scheduler;
        this.closeWaitsForGetMillis = Math.min(CLOSE_WAITS_FOR_GET_MILLIS, options.pingTimeout().toMillis());
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
        ac.setTimeout(requestTimeoutMillis);
        if (!pendingGet.compareAndSet(null, ac)) {
            DebugLog.ENGINE.event(session, "polling: overlapping GET:", EngineCloseReason.TRANSPORT_ERROR.wireName());
            AsyncResponses.completeEmpty(ac, 400); // node: 400 without a body
            session.onClose(EngineCloseReason.TRANSPORT_ERROR);
            return;
        }
        ac.addListener(new AbandonedRequestListener(ac, this::abandonedGet));
        Ended end = ended;
        if (end != null) {
            if (pendingGet.compareAndSet(ac, null)) {
                writeError(ac, end.lateRequestAnswer); // the session left this transport meanwhile
            }
            return;
        }
        if (clientClosing.get()) {
            finishClientClose(); // sent with the close packet (its POST is not answered yet): the noop node answers it
            return;
        }
        session.onWritable(this);
    }

    /** A POST: read the payload, hand its packets to the session, answer "ok". */
    public void onData(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AsyncContext ac = req.startAsync();
        ac.setTimeout(requestTimeoutMillis);
        if (!postInFlight.compareAndSet(false, true)) {
            DebugLog.ENGINE.event(session, "polling: overlapping POST:", EngineCloseReason.TRANSPORT_ERROR.wireName());
            AsyncResponses.dropConnection(ac); // its body is not read
            AsyncResponses.completeEmpty(ac, 400); // node: 400 without a body
            session.onClose(EngineCloseReason.TRANSPORT_ERROR);
            return;
        }
        readingPost.set(ac);
        ac.addListener(new AbandonedRequestListener(ac, this::abandonedPost));
        Ended end = ended;
        if (end != null) {
            if (readingPost.compareAndSet(ac, null)) {
                postInFlight.set(false);
                refuse(ac, end.lateRequestAnswer);
            }
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > maxPayload) {
            if (readingPost.compareAndSet(ac, null)) {
                TooLargeAnswer answer = tooLarge(ac);
                if (declared > maxPayload + MAX_DISCARD) {
                    answer.bodyDropped(); // more than the bound: closed under the rest
                } else {
                    req.getInputStream().setReadListener(AsyncBodyReader.discarding(req.getInputStream(), maxPayload + MAX_DISCARD,
                            answer::bodyDropped));
                }
            }
            return;
        }
        // v3 clients post binary payloads as octet-stream (v4 has none: its content type is not checked)
        boolean octetStream = wire.revision() == 3 && req.getContentType() != null
                && req.getContentType().startsWith("application/octet-stream");
        AtomicReference<TooLargeAnswer> refused = new AtomicReference<>();
        req.getInputStream().setReadListener(new AsyncBodyReader(req.getInputStream(), maxPayload, (int) Math.max(declared, 0), MAX_DISCARD,
                new AsyncBodyReader.Callbacks() {
                    @Override
                    public void onBody(byte[] body, int length) {
                        if (readingPost.compareAndSet(ac, null)) {
                            onPayload(ac, body, length, octetStream);
                        }
                    }

                    @Override
                    public void onTooLarge() {
                        if (readingPost.compareAndSet(ac, null)) {
                            refused.set(tooLarge(ac));
                        }
                    }

                    @Override
                    public void onDiscarded() {
                        TooLargeAnswer answer = refused.get();
                        if (answer != null) {
                            answer.bodyDropped();
                        }
                    }

                    @Override
                    public void onReadError(Throwable t) {
                        abandonedPost(ac, false);
                    }
                }));
    }

    private void onPayload(AsyncContext ac, byte[] body, int length, boolean octetStream) {
        List<EnginePacket> packets;
        try {
            packets = wire.decodePayload(body, length, octetStream);
        } catch (ProtocolException e) {
            DebugLog.ENGINE.event(session, "polling: malformed payload:", e.getMessage());
            postInFlight.set(false);
            writeError(ac, EngineError.BAD_REQUEST);
            session.onClose(EngineCloseReason.PARSE_ERROR);
            return;
        }
        for (EnginePacket p : packets) {
            DebugLog.ENGINE_PACKETS.packet(session, true, EngineIoOptions.POLLING, p);
            if (p.type() == EnginePacketType.CLOSE) {
                postInFlight.set(false);
                onClientClose(ac); // node drops what follows the close packet
                return;
            }
            session.onPacket(this, p);
        }
        postInFlight.set(false);
        AsyncResponses.write(ac, 200, "text/html", OK);
    }

    /**
     * The client's close packet (node's polling {@code onClose}): the parked GET gets a noop, the
     * session closes with "transport close", the POST that carried it gets "ok". With no GET
     * parked yet, the close waits (at most {@link #CLOSE_WAITS_FOR_GET_MILLIS}) for one the client
     * sent together with the POST, which gets the noop whichever of the two the container served
     * first; the POST is answered only when the close is done, so a GET sent after its "ok" finds
     * the session gone, as in node.
     */
    private void onClientClose(AsyncContext post) {
        DebugLog.ENGINE.event(session, "polling: close packet from the client");
        closingPost.set(post);
        clientClosing.set(true);
        if (pendingGet.get() == null) {
            scheduler.schedule(noGetAfterClientClose, closeWaitsForGetMillis);
            if (pendingGet.get() == null) {
                return; // a GET that parks from now on sees clientClosing and finishes the close
            }
        }
        finishClientClose();
    }

    private void finishClientClose() {
        scheduler.cancel(noGetAfterClientClose);
        end(Ended.CLIENT_CLOSED);
        session.onTransportClosed(this, EngineCloseReason.TRANSPORT_CLOSE);
        AsyncContext post = closingPost.getAndSet(null);
        if (post != null) {
            AsyncResponses.write(post, 200, "text/html", OK);
        }
    }

    /**
     * A POST over maxPayload: the session closes, then node's 413 (see {@link TooLargeAnswer}).
     * In that order: a client that reads the 413 and polls again must find the session gone
     * (Payara flushed the 413 and served the next GET before a close begun after the write had
     * taken the session out of the registry; that GET got the close packet instead of a 400).
     */
    private TooLargeAnswer tooLarge(AsyncContext ac) {
        CLIENT_ERRORS.log(() -> "Session " + SessionTag.of(session.id()) + ": POST body over maxPayload (" + maxPayload + " bytes); closing");
        postInFlight.set(false);
        session.onClose(EngineCloseReason.TRANSPORT_ERROR);
        return TooLargeAnswer.send(ac, TEXT);
    }

    /**
     * A parked GET whose connection failed: node's "poll connection closed prematurely", a
     * transport error for the session. A timeout is only a backstop (the heartbeat answers every
     * GET within pingInterval), treated the same.
     */
    private void abandonedGet(AsyncContext ac, boolean timedOut) {
        if (pendingGet.compareAndSet(ac, null)) {
            DebugLog.ENGINE.event(session, timedOut ? "polling: GET timed out:" : "polling: GET connection closed prematurely:",
                    EngineCloseReason.TRANSPORT_ERROR.wireName());
            if (timedOut) {
                AsyncResponses.completeEmpty(ac, 400);
            } else {
                AsyncResponses.completeQuietly(ac);
            }
            session.onTransportClosed(this, EngineCloseReason.TRANSPORT_ERROR);
        } else {
            AsyncResponses.completeQuietly(ac); // answered already: the answer itself could not be written
        }
    }

    /**
     * A POST whose body did not arrive in time or whose connection failed: the in-flight flag is
     * cleared and the session closes with "transport error", as node's "data request connection
     * closed prematurely" does (node's HTTP server answers a request that takes too long with
     * 408 and drops the connection).
     */
    private void abandonedPost(AsyncContext ac, boolean timedOut) {
        if (readingPost.compareAndSet(ac, null)) {
            DebugLog.ENGINE.event(session, timedOut ? "polling: POST body did not arrive in time:" : "polling: POST connection closed prematurely:",
                    EngineCloseReason.TRANSPORT_ERROR.wireName());
            postInFlight.set(false);
            if (timedOut) {
                AsyncResponses.dropConnection(ac);
                AsyncResponses.completeEmpty(ac, 408); // inside the container's timeout callback: nothing to wait for
            } else {
                AsyncResponses.completeQuietly(ac);
            }
            session.onTransportClosed(this, EngineCloseReason.TRANSPORT_ERROR);
        } else {
            AsyncResponses.completeQuietly(ac); // its answer could not be written
        }
    }

    private static void writeError(AsyncContext ac, EngineError error) {
        AsyncResponses.write(ac, error.httpStatus(), "application/json", error.json().getBytes(StandardCharsets.UTF_8));
    }

    /** Answers a POST that will not be served, and drops its connection (its body may be unread). */
    private static void refuse(AsyncContext ac, EngineError error) {
        AsyncResponses.dropConnection(ac);
        writeError(ac, error);
    }

    @Override
    public void send(List<EnginePacket> packets) {
        AsyncContext ac = pendingGet.getAndSet(null);
        if (ac == null) {
            return; // the GET went away meanwhile; the session closes through the listener
        }
        DebugLog.ENGINE_PACKETS.packetsOut(session, EngineIoOptions.POLLING, packets);
        EngineWire.PollingBody body = wire.encodePayload(packets);
        AsyncResponses.write(ac, 200, body.contentType(), body.bytes());
    }

    /** The session closed: the parked GET gets a close packet, a POST being read is dropped. */
    @Override
    public void close() {
        end(Ended.CLOSED);
    }

    /** The session moved to a websocket: polling on this sid is over. */
    @Override
    public void discard() {
        end(Ended.DISCARDED);
    }

    private void end(Ended why) {
        synchronized (this) {
            if (ended != null) {
                return;
            }
            ended = why;
        }
        AsyncContext get = pendingGet.getAndSet(null);
        if (get != null) {
            if (why.parkedGetAnswer != null) {
                DebugLog.ENGINE_PACKETS.packet(session, false, EngineIoOptions.POLLING, why.parkedGetAnswer);
                EngineWire.PollingBody body = wire.encodePayload(List.of(why.parkedGetAnswer));
                AsyncResponses.write(get, 200, body.contentType(), body.bytes());
            } else {
                writeError(get, why.lateRequestAnswer);
            }
        }
        AsyncContext post = readingPost.getAndSet(null);
        if (post != null) {
            postInFlight.set(false);
            refuse(post, why.lateRequestAnswer); // node destroys the data request here
        }
    }
}
