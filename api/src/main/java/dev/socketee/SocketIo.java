package dev.socketee;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The server handle, injectable anywhere ({@code @Inject SocketIo io}) to emit from outside a
 * handler: another bean, a JAX-RS resource, a scheduled task, a managed executor.
 *
 * <pre>{@code
 * @Inject SocketIo io;
 *
 * void publish(Order o) {
 *     io.of("/orders").to("watchers").emit("order", o);
 *     io.emit("tick", System.currentTimeMillis());          // every socket of "/"
 * }
 * }</pre>
 */
public interface SocketIo {

    /** Every socket of a namespace, as an emitter to narrow down. */
    Emitter of(String namespace);

    /** The sockets of {@code room} in {@code "/"}. */
    default Emitter to(String room) {
        return of("/").to(room);
    }

    /** Emits to every socket of {@code "/"}. */
    default void emit(String event, Object... args) {
        of("/").emit(event, args);
    }

    /** A socket connected to this node, by namespace and id (on other nodes: {@link Emitter#fetchSockets()}). */
    Optional<Socket> socket(String namespace, String id);

    /** Ids of this node's sockets in a room of a namespace (a snapshot; cluster-wide: {@link Emitter#fetchSockets()}). */
    Set<String> socketIds(String namespace, String room);

    /** Makes every socket leave {@code room}, on every node (Flask-SocketIO's {@code close_room}). */
    void closeRoom(String namespace, String room);

    /**
     * Sends an event to the other nodes of the cluster (node's {@code io.serverSideEmit}), where
     * {@link OnServerEvent} observers of the namespace receive it; nothing without a cluster.
     */
    void serverSideEmit(String namespace, String event, Object... args);

    /**
     * As {@link #serverSideEmit}, each other node answering once ({@link ServerEvent#ack}):
     * completes with their replies, or fails with {@link AckTimeoutException} (holding those that
     * came) when some node does not answer within the adapter's request timeout.
     */
    CompletionStage<List<AckReply>> serverSideEmitWithAck(String namespace, String event, Object... args);

    /** How many nodes serve the namespace, this one included (1 without a cluster). */
    CompletionStage<Integer> serverCount(String namespace);

    /** Disconnects a socket connected to this node; false when it is not here (any node: {@code of(ns).to(id).disconnectSockets(false)}). */
    default boolean disconnect(String namespace, String id) {
        Optional<Socket> s = socket(namespace, id);
        s.ifPresent(Socket::disconnect);
        return s.isPresent();
    }

    /**
     * The server's meters now (what the metrics endpoints publish), for an application's own
     * dashboard or checks. Empty while metrics are off: they are on when a registry binder
     * ({@code socketee-microprofile}) is present, {@code socketee.metrics-path} is set, or
     * {@code socketee.metrics=on}.
     */
    default List<MeterReading> meters() {
        return List.of();
    }
}
