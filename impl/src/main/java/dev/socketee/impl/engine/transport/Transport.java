package dev.socketee.impl.engine.transport;

import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.List;

/**
 * What an {@code EngineSession} needs of a transport. The session owns the write buffer and
 * calls {@link #send} only when the transport told it it is writable, with at most one send in
 * flight; the transport reports back through the session's {@code onWritable} when it can take
 * the next batch. Methods are called without the session's lock held.
 */
public interface Transport {

    /** "polling" or "websocket". */
    String name();

    /** Writes the packets, without blocking the caller. */
    void send(List<EnginePacket> packets);

    /** Ends the transport: a final close packet where the transport has one, then the connection. */
    void close();

    /** Drops the transport after an upgrade moved the session elsewhere. */
    default void discard() {
        close();
    }
}
