package dev.socketee.impl.engine;

import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.engine.EngineIoServer;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Engine.IO server of one path: the session table, the shared timer wheel, the handshake.
 * Transport-independent; the servlet and the websocket endpoint call in.
 */
public final class EngineServer implements EngineIoServer {

    private static final Logger LOG = Logger.getLogger(EngineServer.class.getName());

    private final EngineIoOptions options;
    private final EngineIoListener listener;
    private final TimerWheel timer;
    private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final String openTemplateHead;
    private final String openTemplateTailUpgradable;
    private final String openTemplateTailNoUpgrades;
    private volatile boolean closed;

    public EngineServer(EngineIoOptions options, EngineIoListener listener) {
        this.options = options;
        this.listener = listener;
        this.timer = new TimerWheel(5, 1024, "socketee-timer" + options.path());
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

    public TimerWheel timer() {
        return timer;
    }

    public EngineSession session(String sid) {
        return sessions.get(sid);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Handshake: a new session on {@code transport}, its open packet queued, the listener told. */
    public EngineSession open(Transport transport, HandshakeInfo handshake) {
        String sid = SidGenerator.next();
        EngineSession session = new EngineSession(sid, this, transport, handshake);
        sessions.put(sid, session);
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

    @Override
    public void close() {
        closed = true;
        List<EngineSession> all = new ArrayList<>(sessions.values());
        LOG.info(() -> "Engine.IO at " + options.path() + ": closing " + all.size() + " session(s), server shutting down");
        for (EngineSession s : all) {
            s.onClose(EngineCloseReason.SERVER_SHUTTING_DOWN);
        }
        timer.close();
    }
}
