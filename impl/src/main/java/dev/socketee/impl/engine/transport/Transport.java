package dev.socketee.impl.engine.transport;

import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an {@code EngineSession} needs of a transport. The session owns the write buffer; the
 * transport <em>pulls</em> from it:
 * <ul>
 * <li>A transport that has nothing to write is idle. The session hands it the next batch with
 *     {@link #send}, once, and from then on the transport owns the writing: when it has written
 *     that batch it asks for the next one with {@code session.pollBatch(this)}, in a loop, until
 *     that returns null (the transport is idle again).</li>
 * <li>A transport that becomes able to write without having been handed anything (a GET
 *     arrived, a websocket opened) calls {@code session.onWritable(this)}, which pulls. Polling
 *     writes one batch per GET, so its loop is the client's: each GET pulls once.</li>
 * <li>A send completion never calls into the session's send path: it continues the loop (inline
 *     completions on the same stack, as a loop, not a recursion), or, completed later on a
 *     container thread, resumes the loop once from there. At most one batch is being written at a
 *     time, and no lock is held across I/O.</li>
 * </ul>
 * The bytes of a batch count against the session's bound until the transport pulls again, so
 * what waits inside the transport is counted too. Methods are called without the session's
 * lock held.
 */
public interface Transport {

    /** "polling" or "websocket". */
    String name();

    /** Writes the batch, without blocking the caller; called only while the transport is idle. */
    void send(List<EnginePacket> packets);

    /** Ends the transport: a final close packet where the transport has one, then the connection. */
    void close();

    /**
     * Completes when the container has reported the connection closed (a websocket's close
     * handshake is done); at once for a transport that has no such handshake.
     */
    default CompletionStage<Void> whenClosed() {
        return CompletableFuture.completedFuture(null);
    }

    /** Drops the transport after an upgrade moved the session elsewhere. */
    default void discard() {
        close();
    }
}
