package dev.socketee.redis;

import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.NamespaceHost;
import dev.socketee.adapter.OutboundPacket;
import dev.socketee.adapter.ServerSideAck;
import dev.socketee.adapter.SocketDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A namespace on one test node: its sockets are ids with a handshake and data; every packet the
 * adapter writes is recorded; a socket answers an ack request with {@code "ack:" + id} (from
 * another thread, as a client would); a server-side emit is recorded and answered with the
 * configured reply. Tests wait on {@link #await} for what they expect.
 */
final class TestHost implements NamespaceHost {

    record Write(String socketId, TestPacket packet, BroadcastFlags flags) {
    }

    record Disconnect(String socketId, boolean close) {
    }

    private static final Executor CLIENTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-client-ack");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final String node;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Map<String, Object>> sockets = new ConcurrentHashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private final List<Disconnect> disconnects = new ArrayList<>();
    private final List<List<Object>> serverSideEmits = new ArrayList<>();
    private final Set<String> silentSockets = ConcurrentHashMap.newKeySet();
    private volatile Object serverSideReply;
    private volatile boolean serverSideSilent;
    Adapter adapter;
    /** Connection state recovery for the adapter made for this host (null: off). */
    volatile dev.socketee.adapter.RecoveryOptions recovery;

    TestHost(String name, String node) {
        this.name = name;
        this.node = node;
        this.serverSideReply = "reply:" + node;
    }

    String node() {
        return node;
    }

    /** A socket connects: its own room and {@code rooms}, with session data. */
    void connect(String id, Map<String, Object> data, String... rooms) {
        sockets.put(id, data);
        Set<String> all = new HashSet<>(List.of(rooms));
        all.add(id);
        adapter.addAll(id, all);
    }

    void connect(String id, String... rooms) {
        connect(id, Map.of("node", node), rooms);
    }

    /** This socket never answers ack requests. */
    void silent(String id) {
        silentSockets.add(id);
    }

    void serverSideReply(Object reply) {
        serverSideReply = reply;
    }

    /** Server-side emits with an ack get no reply here. */
    void serverSideSilent() {
        serverSideSilent = true;
    }

    // ---- NamespaceHost -------------------------------------------------------------------------

    @Override
    public String name() {
        return name;
    }

    @Override
    public dev.socketee.adapter.RecoveryOptions recovery() {
        return recovery;
    }

    @Override
    public OutboundPacket packet(int type, List<Object> data) {
        return new TestPacket(type, name, data, null);
    }

    @Override
    public OutboundPacket withAckId(OutboundPacket packet, long ackId) {
        return new TestPacket(packet.type(), packet.namespace(), packet.data(), ackId);
    }

    @Override
    public long nextAckId() {
        return ids.getAndIncrement();
    }

    @Override
    public boolean isConnected(String socketId) {
        return sockets.containsKey(socketId);
    }

    @Override
    public boolean write(String socketId, OutboundPacket packet, BroadcastFlags flags) {
        if (!sockets.containsKey(socketId)) {
            return false;
        }
        record(new Write(socketId, (TestPacket) packet, flags));
        return true;
    }

    @Override
    public boolean writeWithAck(String socketId, OutboundPacket packet, BroadcastFlags flags, Consumer<Object> ack) {
        if (!write(socketId, packet, flags)) {
            return false;
        }
        if (!silentSockets.contains(socketId)) {
            CLIENTS.execute(() -> ack.accept("ack:" + socketId));
        }
        return true;
    }

    @Override
    public Optional<SocketDetails> details(String socketId) {
        Map<String, Object> data = sockets.get(socketId);
        if (data == null) {
            return Optional.empty();
        }
        Map<String, Object> handshake = new LinkedHashMap<>();
        handshake.put("headers", Map.of("host", "127.0.0.1"));
        handshake.put("address", "127.0.0.1");
        handshake.put("auth", Map.of("node", node));
        return Optional.of(new SocketDetails(socketId, handshake, adapter.socketRooms(socketId), data));
    }

    @Override
    public void join(String socketId, Set<String> rooms) {
        if (sockets.containsKey(socketId)) {
            adapter.addAll(socketId, rooms);
        }
    }

    @Override
    public void leave(String socketId, Set<String> rooms) {
        for (String room : rooms) {
            adapter.del(socketId, room);
        }
    }

    @Override
    public void disconnect(String socketId, boolean close) {
        if (sockets.remove(socketId) != null) {
            adapter.delAll(socketId);
            record(new Disconnect(socketId, close));
        }
    }

    @Override
    public void onServerSideEmit(List<Object> data, ServerSideAck ack) {
        synchronized (this) {
            serverSideEmits.add(data);
            notifyAll();
        }
        if (ack != null && !serverSideSilent) {
            CLIENTS.execute(() -> ack.reply(serverSideReply));
        }
    }

    // ---- what happened -------------------------------------------------------------------------

    private synchronized void record(Object event) {
        if (event instanceof Write w) {
            writes.add(w);
        } else {
            disconnects.add((Disconnect) event);
        }
        notifyAll();
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The writes of packets whose event (first data element) is {@code event}. */
    synchronized List<Write> writes(String event) {
        return writes.stream().filter(w -> event.equals(w.packet().data().get(0))).toList();
    }

    synchronized List<Disconnect> disconnects() {
        return List.copyOf(disconnects);
    }

    synchronized List<List<Object>> serverSideEmits() {
        return List.copyOf(serverSideEmits);
    }

    /** Waits (bounded) until {@code condition} holds for this host. */
    synchronized void await(Predicate<TestHost> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(node + " never saw " + what + "; writes: " + writes);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    Set<String> socketIds() {
        return Set.copyOf(sockets.keySet());
    }
}
