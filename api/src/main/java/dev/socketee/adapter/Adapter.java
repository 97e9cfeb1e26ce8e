package dev.socketee.adapter;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The rooms and broadcasts of one namespace, shaped as socket.io-adapter's {@code Adapter}: the
 * only record of which socket is in which room (keyed by socket id), and the way every packet that
 * goes to more than one socket, and every operation on a set of sockets, travels. The in-memory
 * adapter ends at this node; a cluster adapter also reaches the same namespace on other nodes.
 *
 * <p>Room calls for one socket id come one at a time; calls for different ids may be concurrent.
 * Cross-node operations return a {@link CompletionStage} and never block the caller.
 */
public interface Adapter {

    /** Called once before the namespace takes sockets (subscribe, connect). */
    default CompletionStage<Void> init() {
        return CompletableFuture.completedFuture(null);
    }

    /** Called once when the namespace goes away or the server stops. */
    default CompletionStage<Void> close() {
        return CompletableFuture.completedFuture(null);
    }

    // ---- membership of local sockets ---------------------------------------------------------

    void addAll(String socketId, Set<String> rooms);

    void del(String socketId, String room);

    void delAll(String socketId);

    /** The rooms of a local socket (a snapshot; empty when unknown). */
    Set<String> socketRooms(String socketId);

    /** Rooms with a local member (a snapshot). */
    Set<String> rooms();

    /** Ids of local sockets in any of {@code rooms} (all when empty). */
    Set<String> sockets(Set<String> rooms);

    // ---- operations on sets of sockets (this node, and the others in a cluster) ---------------

    void broadcast(OutboundPacket packet, BroadcastOptions options);

    /**
     * Broadcasts asking each target for an acknowledgement: {@code clientCount} is called once per
     * node that handled the broadcast, with the number of sockets it wrote to; {@code ack} once per
     * reply. Replies after {@code options.flags().timeout()} may be dropped.
     */
    void broadcastWithAck(OutboundPacket packet, BroadcastOptions options, IntConsumer clientCount, Consumer<Object> ack);

    /** The matching sockets with their details, from every node (partial on a timeout: see README). */
    CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options);

    void addSockets(BroadcastOptions options, Set<String> rooms);

    void delSockets(BroadcastOptions options, Set<String> rooms);

    void disconnectSockets(BroadcastOptions options, boolean close);

    /** Sends {@code [event, arg...]} to the other nodes' namespace (no-op without a cluster). */
    void serverSideEmit(List<Object> data);

    /** As {@link #serverSideEmit}, completing with one reply per other node (fails on timeout, see README). */
    CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data);

    /** The number of nodes serving this namespace, this one included. */
    default CompletionStage<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }

    // ---- session persistence (connection state recovery builds on these) ---------------------

    /** Keeps what a disconnected socket needs to come back (no-op unless recovery is on). */
    default void persistSession(PersistedSession session) {
    }

    /**
     * Runs {@code action} while no broadcast of this adapter is being written to local sockets, so
     * that a socket restored and admitted in it gets each kept packet once: in its missed packets,
     * or live afterwards. Without kept packets there is nothing to order: it just runs.
     */
    default void betweenBroadcasts(Runnable action) {
        action.run();
    }

    /** The session of a client that comes back with {@code pid} and the last offset it saw, if kept. */
    default CompletionStage<Optional<PersistedSession>> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
