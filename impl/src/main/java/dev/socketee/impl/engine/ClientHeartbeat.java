package dev.socketee.impl.engine;

import java.util.concurrent.TimeUnit;

/**
 * The heartbeat of an Engine.IO v3 session, the other way round from v4: the client pings, the
 * server answers with a pong, and a session that has not pinged within pingInterval +
 * pingTimeout (node's v3 timeout, from the open and then from each ping) closes with
 * "ping timeout". The deadline is kept as an instant, so the servlet's session look-up finds an
 * overdue session closed even before the timer thread gets to it.
 */
final class ClientHeartbeat extends Timeout {

    private final EngineSession session;
    private final EngineServer server;
    private final long timeoutMillis;
    private volatile long dueAt;

    ClientHeartbeat(EngineSession session, EngineServer server) {
        this.session = session;
        this.server = server;
        this.timeoutMillis = server.options().pingInterval().plus(server.options().pingTimeout()).toMillis();
    }

    /** From the open, and from every ping. */
    void restart() {
        dueAt = server.timer().nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        server.timer().schedule(this, timeoutMillis);
    }

    boolean isOverdue(long now) {
        return now - dueAt >= 0;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /** The close reaches the listener and so user code: on the callback executor, not the engine pool. */
    @Override
    protected void expire() {
        server.callbacks().execute(() -> {
            if (isOverdue(server.timer().nanoTime())) { // not when a ping came in meanwhile
                session.onClose(EngineCloseReason.PING_TIMEOUT);
            }
        });
    }
}
