package dev.socketee.impl.metrics;

import dev.socketee.impl.engine.EngineCloseReason;

/**
 * What the engine and Socket.IO layers report as they work, at a few chosen points (a session
 * opened or closed, an event in or out, a broadcast, an ack that timed out). {@link #NONE} is
 * the default: every call is an empty method the JIT removes, so a server nobody measures pays
 * nothing. {@link Counters} adds them up when a metrics registry (or the built-in endpoint) reads
 * them. Implementations must be thread-safe and must not allocate per call.
 */
public interface ServerMetrics {

    /** Records nothing. */
    ServerMetrics NONE = new ServerMetrics() { };

    /** An Engine.IO session opened (its handshake), on {@code transport} ("polling" or "websocket"). */
    default void sessionOpened(String transport) { }

    /** An Engine.IO session closed, for that reason. */
    default void sessionClosed(EngineCloseReason reason) { }

    /** A polling session moved to websocket. */
    default void upgraded() { }

    /** A session closed because its bounded outbound buffer overflowed (a client that does not read). */
    default void slowConsumerClosed() { }

    /** An Engine.IO message arrived: its payload size (characters of a text, bytes of a binary). */
    default void bytesIn(long size) { }

    /** Engine.IO packets were queued for a client: their size as the outbound buffer counts it. */
    default void bytesOut(long size) { }

    /** A socket was admitted to a namespace. */
    default void socketConnected() { }

    /** An admitted socket left its namespace, with node's disconnect reason (e.g. "transport close"). */
    default void socketDisconnected(String reason) { }

    /** A client's EVENT reached the namespace. */
    default void eventIn() { }

    /** An EVENT was written to one socket (a broadcast counts once per recipient). */
    default void eventOut() { }

    /** A broadcast started on this node (its recipients are counted by {@link #broadcastRecipient}). */
    default void broadcast() { }

    /** A broadcast wrote to one local socket: recipients / broadcasts is the mean fan-out. */
    default void broadcastRecipient() { }

    /** An acknowledgement the server asked for did not come in time. */
    default void ackTimedOut() { }

    /** A request to the other nodes of the cluster ended after {@code nanos}; {@code failed}: timed out or failed. */
    default void clusterRequest(long nanos, boolean failed) { }
}
