package dev.socketee.impl.sio;

import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import dev.socketee.impl.sio.broadcast.BroadcastOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's presence in one namespace (socket.io's server-side {@code Socket}): emits, acks
 * both ways, rooms, session data. Packets emitted while the connect handler runs are held and
 * sent right after the CONNECT reply.
 *
 * <p>With connection state recovery on, each socket has a private id ({@code pid}, sent in the
 * CONNECT reply only), and its own emits without an ack go through the adapter as a broadcast
 * to its own room (as node's do), so they get an offset and are kept. A socket made for a client
 * that came back is {@link #restore restored} before anyone sees it: the old id, rooms, session
 * data, and the packets it missed, written just before its CONNECT reply (node's order: the
 * client holds them until the reply, then hands them to its listeners before "connect").
 */
public final class SioSocket {

    private static final Logger LOG = Logger.getLogger(SioSocket.class.getName());

    /** Final once the socket is visible: a restore sets it before admission. */
    private volatile String id;
    /** The private session id (connection state recovery), or null when recovery is off. */
    private volatile String pid;
    private volatile boolean recovered;
    /** What a restored socket missed, written before its CONNECT reply; null otherwise. */
    private List<dev.socketee.adapter.OutboundPacket> missed;
    /** The session and client offset a restored socket came back with (for a second look at admission). */
    private dev.socketee.adapter.PersistedSession restoredFrom;
    private String restoredOffset;
    private final Namespace namespace;
    private final Client client;
    /**
     * Pending acks and session data: made on first use (most sockets never ask for an ack, many keep
     * no data; an idle socket would otherwise hold two empty maps). Read through the field (null =
     * empty), written through {@link #acks()} / {@link #data()}, which make the map once under this
     * socket's lock and publish it through the volatile field.
     */
    private volatile ConcurrentHashMap<Long, AckCallback> acks;
    private volatile ConcurrentHashMap<String, Object> data;
    /** The CONNECT packet's auth payload (node's {@code handshake.auth}), or null. */
    private volatile Object auth;

    /**
     * CONNECTING while the connect handler runs, CONNECTED once it admitted the socket, CLOSED
     * after a refusal or a close (for good). Every transition, and every join and leave, is
     * decided under this socket's lock, so membership exists only while CONNECTED.
     */
    private enum State { CONNECTING, CONNECTED, CLOSED }

    private volatile State state = State.CONNECTING;
    /** Rooms joined while connecting: they reach the adapter only if the socket is admitted. */
    private Set<String> joinedWhileConnecting;
    /** An {@link EncodedSioPacket}, or a {@link SioOutboundPacket} to be kept for recovery once connected. */
    private List<Object> heldWhileConnecting = new ArrayList<>();

    SioSocket(String id, Namespace namespace, Client client) {
        this.id = id;
        this.namespace = namespace;
        this.client = client;
        this.joinedWhileConnecting = new LinkedHashSet<>(Set.of(id)); // its own room, as node's socket.rooms
        this.pid = namespace.recovery() != null ? dev.socketee.impl.engine.SidGenerator.next() : null;
    }

    /**
     * Becomes the socket of a recovered session (before it is admitted, before anything else sees
     * it): its id, private id, rooms and session data, and the packets to replay.
     */
    synchronized void restore(dev.socketee.adapter.PersistedSession session, String offset) {
        this.restoredFrom = session;
        this.restoredOffset = offset;
        this.id = session.sid();
        this.pid = session.pid();
        this.joinedWhileConnecting = new LinkedHashSet<>(session.rooms());
        this.joinedWhileConnecting.add(session.sid());
        session.data().forEach((k, v) -> {
            if (k != null && v != null) {
                data().put(k, v);
            }
        });
        this.missed = session.missedPackets();
        this.recovered = true;
    }

    synchronized dev.socketee.adapter.PersistedSession restoredFrom() {
        return restoredFrom;
    }

    synchronized String restoredOffset() {
        return restoredOffset;
    }

    /** Replaces what a restored socket will be sent before its CONNECT reply. */
    synchronized void replay(List<dev.socketee.adapter.OutboundPacket> packets) {
        this.missed = packets;
    }

    /** Whether this socket is a recovered one (node's {@code socket.recovered}). */
    public boolean recovered() {
        return recovered;
    }

    /** The private session id, or null when recovery is off. */
    String pid() {
        return pid;
    }
    public String id() {
        return id;
    }

    public Namespace namespace() {
        return namespace;
    }

    public Client client() {
        return client;
    }

    public boolean isConnected() {
        return state == State.CONNECTED;
    }

    public Object auth() {
        return auth;
    }

    void auth(Object value) {
        this.auth = value;
    }

    /**
     * Waits for the reply to a packet written with {@code ackId} by someone else (a broadcast
     * asking every target with one id); nothing once closed.
     */
    void expectAck(long ackId, AckCallback callback) {
        if (state != State.CLOSED) {
            acks().put(ackId, callback);
        }
    }

    /** Per-socket session data, kept across events (made on first use). */
    public ConcurrentHashMap<String, Object> data() {
        ConcurrentHashMap<String, Object> d = data;
        return d != null ? d : madeOnce(() -> data, m -> data = m);
    }

    /** The session data if any was ever made, else an empty map (for readers: nothing is made). */
    public Map<String, Object> dataOrEmpty() {
        ConcurrentHashMap<String, Object> d = data;
        return d == null ? Map.of() : d;
    }

    /** The pending acks, made on first use (only by a writer). */
    private ConcurrentHashMap<Long, AckCallback> acks() {
        ConcurrentHashMap<Long, AckCallback> a = acks;
        return a != null ? a : madeOnce(() -> acks, m -> acks = m);
    }

    /**
     * The slow path of {@link #acks()} and {@link #data()}: under this socket's lock, the map in
     * the volatile field read by {@code field}, or a new one published through {@code publish}
     * if nobody made it first.
     */
    private synchronized <K, V> ConcurrentHashMap<K, V> madeOnce(
            Supplier<ConcurrentHashMap<K, V>> field, Consumer<ConcurrentHashMap<K, V>> publish) {
        ConcurrentHashMap<K, V> m = field.get();
        if (m == null) {
            m = new ConcurrentHashMap<>();
            publish.accept(m);
        }
        return m;
    }

    /** Removes and returns the callback waiting for {@code ackId}, or null. */
    private AckCallback takeAck(long ackId) {
        ConcurrentHashMap<Long, AckCallback> a = acks;
        return a == null ? null : a.remove(ackId);
    }

    // ---- emitting ---------------------------------------------------------------------------

    public void emit(String event, Object... args) {
        emitArgs(event, Arrays.asList(args));
    }

    public void emitArgs(String event, List<?> args) {
        if (namespace.recovery() != null) {
            emitKept(SioOutboundPacket.event(namespace.name(), event, args, client.json()));
            return;
        }
        notifyOutgoing(event, args);
        namespace.metrics().eventOut();
        send(SioPacketEncoder.event(namespace.name(), event, args, SioPacket.NO_ACK, client.json()));
    }

    /**
     * As node with recovery on: a broadcast to this socket's own room, so the adapter gives it an
     * offset and keeps it (local: the socket is here, no other node needs it). The adapter's host
     * tells the outgoing listener. Held while connecting, kept once connected.
     */
    private void emitKept(SioOutboundPacket packet) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            if (state == State.CONNECTING) {
                heldWhileConnecting.add(packet);
                return;
            }
        }
        namespace.adapter().broadcast(packet, toSelf());
    }

    private dev.socketee.adapter.BroadcastOptions toSelf() {
        return new dev.socketee.adapter.BroadcastOptions(Set.of(id), Set.of(), dev.socketee.adapter.BroadcastFlags.NONE.withLocal());
    }

    /** Tells the namespace's outgoing listener (middleware) of an event written to this socket. */
    void notifyOutgoing(String event, List<?> args) {
        NamespaceHandlers.OutgoingListener l = namespace.handlers().outgoingListener();
        if (l != null) {
            l.onOutgoing(this, event, args);
        }
        SioObserver o = observer();
        if (o != null) {
            o.eventSent(this, event, args);
        }
    }

    private SioObserver observer() {
        return namespace.server().observer();
    }

    /** Emits and calls {@code callback} with the client's acknowledgement. */
    public void emitWithAck(String event, List<?> args, AckCallback callback) {
        if (state == State.CLOSED) {
            return; // no ack can come any more
        }
        long ackId = namespace.nextAckId();
        acks().put(ackId, callback);
        notifyOutgoing(event, args);
        namespace.metrics().eventOut();
        send(SioPacketEncoder.event(namespace.name(), event, args, ackId, client.json()));
    }

    /**
     * Emits and completes with the client's acknowledgement, or with a TimeoutException after
     * {@code timeoutMillis} (the pending ack is then forgotten). The timeout completes the future
     * on the callback executor: what the caller chained to it is user code.
     */
    public java.util.concurrent.CompletableFuture<List<Object>> emitWithAck(String event, List<?> args, long timeoutMillis) {
        java.util.concurrent.CompletableFuture<List<Object>> result = new java.util.concurrent.CompletableFuture<>();
        long ackId = namespace.nextAckId();
        dev.socketee.impl.engine.Timeout timeout = new dev.socketee.impl.engine.Timeout() {
            @Override
            protected void expire() {
                if (takeAck(ackId) != null) {
                    namespace.metrics().ackTimedOut();
                    client.callbacks().execute(() -> result.completeExceptionally(new java.util.concurrent.TimeoutException(
                            "No ack for '" + event + "' within " + timeoutMillis + " ms")));
                }
            }
        };
        acks().put(ackId, reply -> {
            client.timer().cancel(timeout);
            result.complete(reply);
        });
        client.timer().schedule(timeout, timeoutMillis);
        notifyOutgoing(event, args);
        namespace.metrics().eventOut();
        send(SioPacketEncoder.event(namespace.name(), event, args, ackId, client.json()));
        return result;
    }

    private volatile Object facade;

    /** The API object the CDI layer wraps this socket in (one per socket), or null before its first use. */
    public Object facade() {
        return facade;
    }

    /** The facade, made with {@code create} on first use; one per socket even when threads race. */
    public Object facade(java.util.function.Supplier<?> create) {
        Object f = facade;
        if (f != null) {
            return f;
        }
        Object made = create.get(); // outside the lock: the lock guards only the choice
        synchronized (this) {
            if (facade == null) {
                facade = made;
            }
            return facade;
        }
    }

    /**
     * Packets of a socket that is not connected yet wait for the CONNECT reply; those of a closed
     * one are dropped (the client may already have a new socket on the namespace).
     */
    void send(EncodedSioPacket packet) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            if (state == State.CONNECTING) {
                heldWhileConnecting.add(packet);
                return;
            }
        }
        client.write(packet);
    }

    /** Everyone in the namespace but this socket. */
    public BroadcastOperator broadcast() {
        return namespace.broadcast().except(id);
    }

    /** The sockets of a room, except this one (socket.io's {@code socket.to(room)}). */
    public BroadcastOperator to(String room) {
        return broadcast().to(room);
    }

    // ---- rooms ------------------------------------------------------------------------------

    /** Joins a room; while connecting only if the socket is admitted; after the close, nothing. */
    public void join(String room) {
        boolean joined;
        SioObserver o = observer();
        boolean tell = false; // the observer hears of a room newly joined, as node's adapter emits join-room
        synchronized (this) {
            if (o != null && state == State.CONNECTED) {
                tell = !namespace.adapter().socketRooms(id).contains(room);
            }
            switch (state) {
                case CONNECTING -> joinedWhileConnecting.add(room);
                case CONNECTED -> namespace.adapter().addAll(id, Set.of(room));
                case CLOSED -> { }
            }
            joined = state != State.CLOSED;
        }
        if (joined) {
            DebugLog.SIO.socket(client.engine(), namespace.name(), id, "joined room", room); // outside the lock: a handler may write
            if (tell) {
                o.roomJoined(this, room);
            }
        }
    }

    public void leave(String room) {
        boolean left;
        SioObserver o = observer();
        boolean tell = false;
        synchronized (this) {
            if (o != null && state == State.CONNECTED) {
                tell = namespace.adapter().socketRooms(id).contains(room);
            }
            switch (state) {
                case CONNECTING -> joinedWhileConnecting.remove(room);
                case CONNECTED -> namespace.adapter().del(id, room);
                case CLOSED -> { }
            }
            left = state != State.CLOSED;
        }
        if (left) {
            DebugLog.SIO.socket(client.engine(), namespace.name(), id, "left room", room);
            if (tell) {
                o.roomLeft(this, room);
            }
        }
    }

    /** The rooms of this socket; still readable in the disconnecting handler, empty afterwards. */
    public Set<String> rooms() {
        synchronized (this) {
            if (state == State.CONNECTING) {
                return Set.copyOf(joinedWhileConnecting);
            }
        }
        return namespace.adapter().socketRooms(id);
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /**
     * The connect handler admitted the socket: it enters the namespace and its rooms, the client
     * gets the CONNECT reply, then what was emitted meanwhile. False when it closed meanwhile.
     */
    boolean admit() {
        if (state != State.CONNECTING) {
            return false;
        }
        List<dev.socketee.adapter.OutboundPacket> replay;
        synchronized (this) {
            replay = missed;
            missed = null;
        }
        if (replay != null) {
            for (dev.socketee.adapter.OutboundPacket p : replay) {
                client.writeEngine(namespace.wireOf(p));
            }
        }
        client.write(client.connectReply(namespace.name(), id, pid));
        List<Object> held;
        synchronized (this) {
            if (state != State.CONNECTING) {
                return false;
            }
            state = State.CONNECTED;
            namespace.add(this);
            namespace.adapter().addAll(id, joinedWhileConnecting);
            joinedWhileConnecting = null;
            held = heldWhileConnecting;
            heldWhileConnecting = null;
        }
        DebugLog.SIO.socket(client.engine(), namespace.name(), id, recovered ? "connected, recovered" : "connected", null);
        SioObserver o = observer();
        if (o != null) {
            o.socketConnected(this);
        }
        for (Object p : held) {
            if (p instanceof EncodedSioPacket encoded) {
                client.write(encoded);
            } else {
                namespace.adapter().broadcast((SioOutboundPacket) p, toSelf());
            }
        }
        return true;
    }

    /** The connect handler refused: CONNECT_ERROR, and the socket never joins anything. */
    void refuse(String message, Object errorData) {
        if (toClosed() == null) {
            return;
        }
        DebugLog.SIO.socket(client.engine(), namespace.name(), id, "refused:", message);
        client.write(client.connectRefusal(namespace.name(), message, errorData));
        client.forget(this);
        namespace.release(this);
    }

    /**
     * Server-side disconnect: the client gets DISCONNECT for this namespace; with {@code close}
     * the whole Engine.IO connection closes too (every namespace of the client).
     */
    public void disconnect(boolean close) {
        if (!isConnected()) {
            return;
        }
        if (close) {
            client.disconnectAll(); // as node: every namespace of the client, then the connection
            return;
        }
        client.write(SioPacketEncoder.disconnect(namespace.name()));
        onClose(SioDisconnectReason.SERVER_NAMESPACE_DISCONNECT.wireName());
    }

    /** Sends DISCONNECT for this namespace and leaves it (part of the client's disconnect-all). */
    void disconnectQuietly() {
        if (!isConnected()) {
            return;
        }
        client.write(SioPacketEncoder.disconnect(namespace.name()));
        onClose(SioDisconnectReason.SERVER_NAMESPACE_DISCONNECT.wireName());
    }

    /**
     * Leaves the namespace once, whatever the reason; the disconnect handlers run with the reason
     * if the socket had been admitted. A socket closed while connecting is never admitted.
     */
    void onClose(String reason) {
        State was = toClosed();
        if (was == null) {
            return;
        }
        DebugLog.SIO.socket(client.engine(), namespace.name(), id, was == State.CONNECTED ? "disconnected:" : "closed while connecting:", reason);
        client.forget(this);
        ConcurrentHashMap<Long, AckCallback> pending = acks;
        if (pending != null) {
            pending.clear();
        }
        if (was == State.CONNECTED) {
            SioObserver o = observer();
            Set<String> rooms = o == null ? null : namespace.adapter().socketRooms(id);
            namespace.remove(this, reason); // rooms stay readable for the disconnecting handler, then go
            if (o != null) {
                o.socketDisconnected(this, reason, rooms);
            }
        }
        namespace.release(this);
    }

    /** The one transition to CLOSED: the state it left, or null for every caller but the first. */
    private State toClosed() {
        synchronized (this) {
            State was = state;
            if (was == State.CLOSED) {
                return null;
            }
            state = State.CLOSED;
            joinedWhileConnecting = null;
            heldWhileConnecting = null;
            return was;
        }
    }

    /** Acknowledgements this socket waits for from its client now. */
    public int pendingAcks() {
        ConcurrentHashMap<Long, AckCallback> a = acks;
        return a == null ? 0 : a.size();
    }

    void onPacket(SioPacket p) {
        switch (p.type()) {
            case EVENT, BINARY_EVENT -> dispatch(p);
            case ACK, BINARY_ACK -> {
                AckCallback cb = takeAck(p.ackId());
                if (cb == null) {
                    DebugLog.SIO.socket(client.engine(), namespace.name(), id, "ack of an unknown id, ignored", null);
                    return;
                }
                try {
                    cb.onAck(p.args());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Ack callback of socket " + id + " failed", e);
                }
            }
            case DISCONNECT -> onClose(SioDisconnectReason.CLIENT_NAMESPACE_DISCONNECT.wireName());
            default -> { }
        }
    }

    private void dispatch(SioPacket p) {
        namespace.metrics().eventIn();
        SioObserver o = observer();
        if (o != null) {
            o.eventReceived(this, p.event(), p.args());
        }
        NamespaceHandlers.IncomingFilter filter = namespace.handlers().incomingFilter();
        EventHandler h = namespace.handlers().handlerFor(p.event());
        if (h == null && filter == null) {
            return;
        }
        Ack ack = p.hasAck() ? new Ack(this, p.ackId()) : null;
        try {
            if (filter != null && !filter.accept(this, p.event(), p.args(), ack)) {
                return; // stopped by middleware, which answered the ack if the client asked for one
            }
        } catch (RuntimeException e) { // a failing middleware stops the event, and is reported as a failing handler is
            namespace.onHandlerError(this, p.event(), e);
            return;
        }
        if (h == null) {
            return;
        }
        try {
            h.onEvent(this, p.event(), p.args(), ack);
        } catch (Exception e) {
            namespace.onHandlerError(this, p.event(), e);
        }
    }
}
