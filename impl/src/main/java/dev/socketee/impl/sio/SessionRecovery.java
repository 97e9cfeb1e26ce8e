package dev.socketee.impl.sio;

import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.PersistedSession;
import dev.socketee.adapter.RecoveryOptions;
import dev.socketee.impl.engine.DebugLog;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connection state recovery on the namespace side, as node's {@code Namespace._createSocket} /
 * {@code _add} and {@code Socket._onclose}: a socket that left for a reason the client may come
 * back from has its session persisted in the adapter; a CONNECT whose auth carries {@code pid} and
 * {@code offset} (strings) asks the adapter for it. Found, the new socket takes it over; not found
 * (unknown, expired, offset no longer kept), the client connects afresh, as node.
 */
final class SessionRecovery {

    private static final Logger LOG = Logger.getLogger(SessionRecovery.class.getName());
    /** node's RECOVERABLE_DISCONNECT_REASONS: the connection went, not the client's or the server's decision. */
    private static final Set<String> RECOVERABLE = Set.of("transport error", "transport close", "forced close",
            "ping timeout", "server shutting down", "forced server close");
    /** An adapter answering from elsewhere gets this long; then the client connects afresh. */
    private static final long RESTORE_TIMEOUT_MILLIS = 2_000;

    private SessionRecovery() {
    }

    /**
     * Restores the session the CONNECT asks for into {@code socket}. With skip-middlewares the
     * socket is then admitted at once, between two broadcasts (so it gets each kept packet once,
     * missed or live) and true is returned; otherwise false, and the connect handlers run as for
     * any socket (a restored one says so in {@code recovered()}).
     */
    static boolean tryRecover(Namespace namespace, SioSocket socket, Object auth) {
        RecoveryOptions options = namespace.recovery();
        if (options == null) {
            return false;
        }
        Object plain = auth instanceof dev.socketee.impl.json.RawJson raw ? dev.socketee.impl.json.JsonReader.parse(raw.json()) : auth;
        if (!(plain instanceof Map<?, ?> m) || !(m.get("pid") instanceof String pid)
                || !(m.get("offset") instanceof String offset)) {
            return false;
        }
        Adapter adapter = namespace.adapter();
        if (!options.skipMiddlewares()) {
            restore(adapter, namespace, pid, offset).ifPresent(session -> socket.restore(session, offset));
            log(socket);
            return false;
        }
        boolean[] admitted = {false};
        adapter.betweenBroadcasts(() -> restore(adapter, namespace, pid, offset).ifPresent(session -> {
            socket.restore(session, offset);
            admitted[0] = true;
            socket.admit();
        }));
        log(socket);
        return admitted[0];
    }

    private static void log(SioSocket socket) {
        DebugLog.SIO.socket(socket.client().engine(), socket.namespace().name(), socket.id(),
                socket.recovered() ? "connection state recovered" : "connection state not recoverable, connecting afresh", null);
    }

    /**
     * A restored socket whose connect handlers admitted it (skip-middlewares off): its session is
     * kept once more and taken back from the same offset between two broadcasts, so what was
     * broadcast while the handlers ran is sent too (node misses it); if that fails (the packets
     * went meanwhile), what was missed before the handlers ran is sent.
     */
    static void admitRestored(Namespace namespace, SioSocket socket) {
        Adapter adapter = namespace.adapter();
        PersistedSession session = socket.restoredFrom();
        adapter.betweenBroadcasts(() -> {
            adapter.persistSession(session);
            restore(adapter, null, session.pid(), socket.restoredOffset()).ifPresent(again -> socket.replay(again.missedPackets()));
            socket.admit();
        });
    }

    /** The session, unless unknown here or its socket is connected (namespace null: skip that check). */
    private static Optional<PersistedSession> restore(Adapter adapter, Namespace namespace, String pid, String offset) {
        try {
            Optional<PersistedSession> s = adapter.restoreSession(pid, offset).toCompletableFuture().get(RESTORE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return namespace != null && s.isPresent() && namespace.isConnected(s.get().sid()) ? Optional.empty() : s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.log(Level.FINE, "restoring a session failed; the client connects afresh", e);
            return Optional.empty();
        }
    }

    /** Keeps the session of a socket that left for a reason its client may come back from. */
    static void persistIfRecoverable(Namespace namespace, SioSocket socket, String reason) {
        if (namespace.recovery() == null || socket.pid() == null || !RECOVERABLE.contains(reason)) {
            return;
        }
        Adapter adapter = namespace.adapter();
        adapter.persistSession(new PersistedSession(socket.id(), socket.pid(), adapter.socketRooms(socket.id()),
                Map.copyOf(socket.dataOrEmpty()), java.util.List.of()));
    }
}
