package dev.socketee.adapter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The adapter of a single node, as socket.io-adapter's in-memory one: {@code rooms} (room ->
 * socket ids) and {@code sids} (socket id -> rooms), nothing else, on concurrent maps so joins and
 * broadcasts never block each other. An emptied room is removed; a socket's entry lives from its
 * first {@link #addAll} to {@link #delAll}, so {@code sids} holds exactly the connected sockets.
 *
 * <p>Cluster adapters extend it and call the {@code super} operations for the local part, as node's
 * do. A broadcast writes the one encoding the host made of the packet to each target; it allocates
 * nothing per recipient unless {@code except} or several rooms need a set of ids.
 *
 * <p>When the host's server has connection state recovery on ({@link NamespaceHost#recovery()}),
 * it is also node's {@code SessionAwareAdapter}: it keeps the sessions of sockets that lost their
 * connection, and each broadcast EVENT without an ack and not volatile gets an offset as its last
 * argument and is kept ({@link SessionStore}). Such broadcasts are then written one at a time per
 * namespace (an offset is given and the packet written to every local target under one lock), so
 * each socket receives them in offset order, and the offset a client saw last tells exactly what
 * it missed. Cluster adapters that extend this one keep what their local part sends, other nodes'
 * broadcasts included, so a client coming back to the same node recovers.
 */
public class InMemoryAdapter implements Adapter {

    protected final NamespaceHost host;
    /** Room -> its socket ids, socket id -> its rooms; values are {@link Members} (one member is just its String). */
    private final ConcurrentHashMap<String, Object> rooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> sids = new ConcurrentHashMap<>();
    /** Null unless recovery is on. */
    private final SessionStore sessions;
    /** Held while an offset is given and its packet written to the local targets. */
    private final ReentrantLock offsetOrder = new ReentrantLock();

    public InMemoryAdapter(NamespaceHost host) {
        this(host, System::currentTimeMillis);
    }

    /** With the clock connection state recovery measures its window with (tests pass their own). */
    public InMemoryAdapter(NamespaceHost host, LongSupplier clockMillis) {
        this.host = host;
        RecoveryOptions recovery = host.recovery();
        this.sessions = recovery == null ? null : new SessionStore(recovery, clockMillis);
    }

    /** The recovery state of this namespace, or null when recovery is off. */
    protected final SessionStore sessionStore() {
        return sessions;
    }

    @Override
    public void addAll(String socketId, Set<String> socketRooms) {
        sids.putIfAbsent(socketId, Members.NONE);
        for (String room : socketRooms) {
            boolean[] added = {false};
            sids.compute(socketId, (id, own) -> { // per socket atomic, as the concurrent set's add was
                if (Members.contains(own, room)) {
                    return own;
                }
                added[0] = true;
                return Members.add(own, room);
            });
            if (added[0]) {
                // inside the update: never into a set another socket's leave just dropped
                rooms.compute(room, (r, members) -> Members.add(members, socketId));
            }
        }
    }

    @Override
    public void del(String socketId, String room) {
        boolean[] removed = {false};
        sids.computeIfPresent(socketId, (id, own) -> {
            if (!Members.contains(own, room)) {
                return own;
            }
            removed[0] = true;
            return Members.remove(own, room, Members.NONE); // the sids entry stays until delAll: the socket is still here
        });
        if (removed[0]) {
            leaveRoom(socketId, room);
        }
    }

    @Override
    public void delAll(String socketId) {
        Object own = sids.remove(socketId);
        Members.forEach(own, room -> leaveRoom(socketId, room));
    }

    /** Atomic per room, so a join of another socket never lands in a room being dropped. */
    private void leaveRoom(String socketId, String room) {
        rooms.computeIfPresent(room, (r, members) -> Members.remove(members, socketId, null));
    }

    @Override
    public Set<String> socketRooms(String socketId) {
        return Members.copy(sids.get(socketId));
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    /** Whether a room has a local member (cluster adapters skip messages for rooms nobody here is in). */
    protected boolean hasRoom(String room) {
        return rooms.containsKey(room);
    }

    @Override
    public Set<String> sockets(Set<String> targetRooms) {
        Set<String> out = new HashSet<>();
        apply(BroadcastOptions.rooms(targetRooms), out::add);
        return out;
    }

    @Override
    public void broadcast(OutboundPacket packet, BroadcastOptions options) {
        BroadcastFlags flags = options.flags();
        if (sessions == null || packet.type() != OutboundPacket.EVENT || flags.volatile_()) {
            apply(options, id -> host.write(id, packet, flags));
            return;
        }
        // node keeps neither acked packets (their callback cannot be restored; they never come here) nor volatile ones
        offsetOrder.lock();
        try {
            OutboundPacket kept = sessions.append(packet, options, host::withOffset);
            apply(options, id -> host.write(id, kept, flags));
        } finally {
            offsetOrder.unlock();
        }
    }

    @Override
    public void betweenBroadcasts(Runnable action) {
        if (sessions == null) {
            action.run();
            return;
        }
        offsetOrder.lock();
        try {
            action.run();
        } finally {
            offsetOrder.unlock();
        }
    }

    @Override
    public void persistSession(PersistedSession session) {
        if (sessions != null) {
            sessions.persist(session);
        }
    }

    @Override
    public CompletionStage<Optional<PersistedSession>> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(sessions == null ? Optional.empty() : sessions.restore(pid, offset));
    }

    @Override
    public void broadcastWithAck(OutboundPacket packet, BroadcastOptions options, IntConsumer clientCount, Consumer<Object> ack) {
        // one id for every target: ack ids are unique in the namespace, so no socket has it pending already
        OutboundPacket withId = host.withAckId(packet, host.nextAckId());
        BroadcastFlags flags = options.flags();
        int[] count = {0};
        apply(options, id -> {
            if (host.writeWithAck(id, withId, flags, ack)) {
                count[0]++;
            }
        });
        clientCount.accept(count[0]);
    }

    @Override
    public CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
        return CompletableFuture.completedFuture(localDetails(options));
    }

    /** The details of the matching local sockets. */
    protected final List<SocketDetails> localDetails(BroadcastOptions options) {
        List<SocketDetails> out = new ArrayList<>();
        apply(options, id -> host.details(id).ifPresent(out::add));
        return out;
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> targetRooms) {
        for (String id : matching(options)) { // a snapshot: joining changes the sets being walked
            host.join(id, targetRooms);
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> targetRooms) {
        for (String id : matching(options)) {
            host.leave(id, targetRooms);
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        for (String id : matching(options)) {
            host.disconnect(id, close);
        }
    }

    private List<String> matching(BroadcastOptions options) {
        List<String> ids = new ArrayList<>();
        apply(options, ids::add);
        return ids;
    }

    /** Without a cluster there is no other node to tell (node warns; nothing is lost). */
    @Override
    public void serverSideEmit(List<Object> data) {
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data) {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * Visits each connected local socket once: members of any of {@code rooms} (every socket when
     * empty), minus members of any of {@code except}.
     */
    protected final void apply(BroadcastOptions options, Consumer<String> action) {
        Set<String> excluded = options.except().isEmpty() ? Set.of() : union(options.except());
        Set<String> targetRooms = options.rooms();
        Consumer<String> unlessExcluded = excluded.isEmpty() ? action : id -> {
            if (!excluded.contains(id)) {
                action.accept(id);
            }
        };
        if (targetRooms.isEmpty()) {
            for (String id : sids.keySet()) {
                unlessExcluded.accept(id);
            }
        } else if (targetRooms.size() == 1) {
            Members.forEach(rooms.get(targetRooms.iterator().next()), unlessExcluded);
        } else {
            for (String id : union(targetRooms)) { // each socket once
                unlessExcluded.accept(id);
            }
        }
    }

    private Set<String> union(Set<String> names) {
        Set<String> out = new HashSet<>();
        for (String room : names) {
            Members.addAllTo(rooms.get(room), out);
        }
        return out;
    }
}
