package dev.socketee.impl.engine;

import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.List;

/**
 * A websocket-like test transport that writes each batch at once and then pulls the next, in a
 * loop, until the session has none (the transport contract), handing each packet to
 * {@link #written}; a subclass says what it keeps of them.
 */
public abstract class PullingTransport implements Transport {

    private volatile EngineSession session;
    private volatile boolean closed;

    /** The session this transport carries, once it was opened on it. */
    public void bind(EngineSession s) {
        session = s;
    }

    public EngineSession session() {
        return session;
    }

    public boolean isClosed() {
        return closed;
    }

    /** One packet reached the wire. */
    protected abstract void written(EnginePacket p);

    /** Whether the transport pulls the next batch after a write (false: a client that stopped reading). */
    protected boolean pulls() {
        return true;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public void send(List<EnginePacket> packets) {
        for (List<EnginePacket> batch = packets; batch != null; batch = pulls() ? session.pollBatch(this) : null) {
            batch.forEach(this::written);
        }
    }

    /** The write in flight completed (a websocket's send handler ran): pull and write what queued meanwhile. */
    protected void writeCompleted() {
        for (List<EnginePacket> batch = session.pollBatch(this); batch != null; batch = pulls() ? session.pollBatch(this) : null) {
            batch.forEach(this::written);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
