package dev.socketee.impl.engine;

import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.engine.EngineIoServer;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Engine.IO server of one path: the session table, its threads ({@link EngineThreads}: the
 * scheduler and the callback executor), the handshake. Transport-independent; the servlet and
 * the websocket endpoint call in.
 */
public final class EngineServer implements EngineIoServer {

    private static final Logger LOG = Logger.getLogger(EngineServer.class.getName());

    /** How long {@link #close()} waits for the clients' websocket close frames. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final EngineIoOptions options;
    private final EngineIoListener listener;
    private final EngineThreads threads;
    private final boolean ownsThreads;
    private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final String openTemplateHead;
    private final String openTemplateTailUpgradable;
    private final String openTemplateTailNoUpgrades;
    private volatile boolean closed;
    /** Where sessions report opens, closes, bytes (see {@link dev.socketee.impl.metrics.ServerMetrics}); nothing by default. */
    private volatile dev.socketee.impl.metrics.ServerMetrics metrics = dev.socketee.impl.metrics.ServerMetrics.NONE;

    /** A server with threads of its own, stopped with it. */
    public EngineServer(EngineIoOptions options, EngineIoListener listener) {
        this(options, listener, EngineThreads.standalone("socketee" + options.path(), null), true);
    }

    /** A server on given threads; {@code ownsThreads}: {@link #close()} closes them too. */
    public EngineServer(EngineIoOptions options, EngineIoListener listener, EngineThreads threads, boolean ownsThreads) {
        this.options = options;
        this.listener = listener;
        this.threads = threads;
        this.ownsThreads = ownsThreads;
        this.openTemplateHead = "{\"sid\":\"";
        String tail = ",\"pingInterval\":" + options.pingInterval().toMillis()
                + ",\"pingTimeout\":" + options.pingTimeout().toMillis()
                + ",\"maxPayload\":" + options.maxPayload() + "}";
        this.openTemplateTailUpgradable = "\",\"upgrades\":[\"websocket\"]" + tail;
        this.openTemplateTailNoUpgrades = "\",\"upgrades\":[]" + tail;
    }

    public EngineIoOptions options() {
        return options;
    }

    public EngineIoListener listener() {
        return listener;
    }

    /** The timers of this server (heartbeats, upgrade and connect timeouts, ack and close deadlines). */
    public Scheduler timer() {
        return threads.scheduler();
    }

    /** Where work started by a timer runs when it reaches user code (see {@link EngineThreads}). */
    public Executor callbacks() {
        return threads.callbacks();
    }

    /** Runs {@code fanOut} (a broadcast's loop over its targets) with its writes spread over the writer threads. */
    public void fanOut(Runnable fanOut) {
        FanOut.run(threads.writers(), fanOut);
    }

    /**
     * The open session of that id, or null. A session whose pong is overdue is closed here
     * ({@code ping timeout}) and not returned: a request that arrives at the deadline finds it
     * gone even when the timer thread has not yet run, as node's does.
     */
    public EngineSession session(String sid) {
        EngineSession s = sessions.get(sid);
        if (s != null && s.closeIfPongOverdue()) {
            return null;
        }
        return s;
    }

    public dev.socketee.impl.metrics.ServerMetrics metrics() {
        return metrics;
    }

    /** Set before the first handshake. */
    public void metrics(dev.socketee.impl.metrics.ServerMetrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics);
    }

    /** Sessions whose current transport has that name (a scan: for metrics scrapes, not per message). */
    public int sessionsOn(String transportName) {
        int n = 0;
        for (EngineSession s : sessions.values()) {
            if (transportName.equals(s.transport())) {
                n++;
            }
        }
        return n;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Handshake: a new session on {@code transport}, its open packet queued, the listener told. */
    public EngineSession open(Transport transport, HandshakeInfo handshake) {
        return open(transport, handshake, 4);
    }

    /** As {@link #open(Transport, HandshakeInfo)}, for a client of protocol {@code revision} (4, or 3 when allowed). */
    public EngineSession open(Transport transport, HandshakeInfo handshake, int revision) {
        String sid = SidGenerator.next();
        EngineSession session = new EngineSession(sid, this, transport, handshake, revision);
        sessions.put(sid, session);
        metrics.sessionOpened(transport.name());
        DebugLog.ENGINE.event(session, "handshake: new session on", transport.name());
        session.send(EnginePacket.of(EnginePacketType.OPEN, openPayload(sid, transport)));
        try {
            listener.onOpen(session);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Open listener failed for session " + SessionTag.of(sid), e);
        }
        session.startHeartbeat();
        if (closed) {
            session.onClose(EngineCloseReason.SERVER_SHUTTING_DOWN);
        }
        return session;
    }

    private static void awaitClosed(List<CompletableFuture<Void>> closing) {
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.fine(() -> "Engine.IO shutdown: not every close handshake finished within " + SHUTDOWN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String openPayload(String sid, Transport transport) {
        boolean upgradable = options.allowUpgrades()
                && EngineIoOptions.POLLING.equals(transport.name())
                && options.transports().contains(EngineIoOptions.WEBSOCKET);
        return openTemplateHead + sid + (upgradable ? openTemplateTailUpgradable : openTemplateTailNoUpgrades);
    }

    void remove(EngineSession session) {
        sessions.remove(session.id(), session);
    }

    @Override
    public int connectionCount() {
        return sessions.size();
    }

    /**
     * Closes every session, then waits (at most {@link #SHUTDOWN_GRACE}) for the websocket close
     * handshakes to finish: the container's onClose for each then runs while the application is
     * still deployed (on WildFly, one that runs after the deployment's services are gone logs
     * WFLYTX0002 errors), and the clients' close frames are answered.
     */
    @Override
    public void close() {
        closed = true;
        List<EngineSession> all = new ArrayList<>(sessions.values());
        LOG.info(() -> "Engine.IO at " + options.path() + ": closing " + all.size() + " session(s), server shutting down");
        List<CompletableFuture<Void>> closing = new ArrayList<>(all.size());
        for (EngineSession s : all) {
            Transport t = s.currentTransport();
            s.onClose(EngineCloseReason.SERVER_SHUTTING_DOWN);
            if (t != null) {
                closing.add(t.whenClosed().toCompletableFuture());
            }
        }
        awaitClosed(closing);
        if (ownsThreads) {
            threads.close();
        }
    }
}
