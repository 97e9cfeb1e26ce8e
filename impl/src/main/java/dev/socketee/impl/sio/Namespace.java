package dev.socketee.impl.sio;

import dev.socketee.adapter.Adapter;
import dev.socketee.impl.engine.DebugLog;
import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.NamespaceHost;
import dev.socketee.adapter.OutboundPacket;
import dev.socketee.adapter.ServerSideAck;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.impl.sio.broadcast.BroadcastOperator;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Socket.IO namespace: its connected sockets, its rooms (in the adapter, the only record of
 * membership), its handlers. It is the adapter's {@link NamespaceHost}: what the adapter does to
 * the sockets here goes through it. A dynamic one (made from a pattern) counts the sockets
 * connecting or connected to it and is removed from the server when the last one leaves (node's
 * {@code cleanupEmptyChildNamespaces}), its adapter closed with it.
 */
public final class Namespace implements NamespaceHost {

    private static final Logger LOG = Logger.getLogger(Namespace.class.getName());

    private final String name;
    private final NamespaceHandlers handlers;
    private final ConcurrentHashMap<String, SioSocket> sockets = new ConcurrentHashMap<>();
    /** Made on first use, from the server's factory, so the factory can be set after the namespaces are declared. */
    private volatile Adapter adapter;
    private boolean adapterClosed;
    /** Acknowledgement ids, unique in the namespace so one broadcast can ask every target with one id (as node). */
    private final AtomicLong ackIds = new AtomicLong();

    private final SioServer server;
    private final boolean dynamic;
    /** Sockets connecting or connected (dynamic namespaces only); changed only inside the server's map update for this name. */
    private int occupants;

    /** A stand-in (see {@link SioServer#namespaceOrEmpty}): not kept, so its adapter is never initialised nor closed. */
    private final boolean standIn;

    Namespace(String name, NamespaceHandlers handlers, SioServer server, boolean dynamic) {
        this(name, handlers, server, dynamic, false);
    }

    private Namespace(String name, NamespaceHandlers handlers, SioServer server, boolean dynamic, boolean standIn) {
        this.name = name;
        this.handlers = handlers;
        this.server = server;
        this.dynamic = dynamic;
        this.standIn = standIn;
    }

    /**
     * A namespace a pattern matches but no socket is on: it reaches the other nodes' sockets
     * through an adapter that is used to publish only (adapters must allow that without init).
     */
    static Namespace standIn(String name, SioServer server) {
        return new Namespace(name, new NamespaceHandlers(), server, true, true);
    }

    /** How emitted records and POJOs are written (JSON-B under CDI), or null. */
    public dev.socketee.impl.json.JsonFallback jsonFallback() {
        return server.jsonFallback();
    }

    public String name() {
        return name;
    }

    SioServer server() {
        return server;
    }

    public dev.socketee.impl.engine.Scheduler timer() {
        return server.timer();
    }

    public java.util.concurrent.Executor callbacks() {
        return server.callbacks();
    }

    public Collection<SioSocket> sockets() {
        return sockets.values();
    }

    public SioSocket socket(String id) {
        return sockets.get(id);
    }

    /** Made from a pattern on its first connection, and removed when empty. */
    public boolean isDynamic() {
        return dynamic;
    }

    /** The namespace's adapter, made and initialised on first use. */
    public Adapter adapter() {
        Adapter a = adapter;
        if (a == null) {
            synchronized (this) {
                a = adapter;
                if (a == null) {
                    // a namespace that went away keeps a local one for late callers (a socket leaving), never a cluster one
                    a = adapterClosed ? new dev.socketee.adapter.InMemoryAdapter(this) : server.adapterFactory().create(this);
                    if (!adapterClosed && !standIn) {
                        a.init();
                    }
                    adapter = a;
                }
            }
        }
        return a;
    }

    /** Closes the adapter if one was made (the namespace went away or the server stops). */
    void closeAdapter() {
        Adapter a;
        synchronized (this) {
            a = adapterClosed ? null : adapter;
            adapterClosed = true;
            adapter = null;
        }
        if (a != null) {
            try {
                a.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Adapter of " + name + " failed to close", e);
            }
        }
    }

    NamespaceHandlers handlers() {
        return handlers;
    }

    /**
     * Runs a broadcast's loop over its targets with their writes spread over the engine's writer
     * threads (each target's packets still queue in call order on this thread).
     */
    public void fanOut(Runnable loop) {
        dev.socketee.impl.engine.EngineServer e = server.engine();
        if (e == null) {
            loop.run();
        } else {
            e.fanOut(loop);
        }
    }

    /** All sockets of the namespace. */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(this, Set.of(), Set.of());
    }

    public BroadcastOperator to(String room) {
        return broadcast().to(room);
    }

    // ---- NamespaceHost: what the adapter does to the sockets here ------------------------------

    @Override
    public OutboundPacket packet(int type, List<Object> data) {
        if (type != OutboundPacket.EVENT) {
            throw new IllegalArgumentException("Only EVENT packets are broadcast, not type " + type);
        }
        return SioOutboundPacket.fromData(name, data, jsonFallback());
    }

    @Override
    public dev.socketee.adapter.RecoveryOptions recovery() {
        return server.recovery();
    }

    @Override
    public OutboundPacket withOffset(OutboundPacket packet, String offset) {
        SioOutboundPacket p = packet instanceof SioOutboundPacket own ? own : SioOutboundPacket.fromData(name, packet.data(), jsonFallback());
        return p.withOffset(offset);
    }

    @Override
    public OutboundPacket withAckId(OutboundPacket packet, long ackId) {
        SioOutboundPacket p = packet instanceof SioOutboundPacket own ? own : SioOutboundPacket.fromData(name, packet.data(), jsonFallback());
        return p.withAckId(ackId);
    }

    @Override
    public long nextAckId() {
        return ackIds.getAndIncrement();
    }

    @Override
    public boolean isConnected(String socketId) {
        return sockets.containsKey(socketId);
    }

    @Override
    public boolean write(String socketId, OutboundPacket packet, BroadcastFlags flags) {
        SioSocket s = sockets.get(socketId);
        if (s == null) {
            return false;
        }
        if (!flags.volatile_() || s.client().engine().isWritable()) { // node: a volatile packet is dropped for a busy transport
            countBroadcastWrite();
            notifyOutgoing(s, packet);
            s.client().writeEngine(wire(packet));
        }
        return true;
    }

    @Override
    public boolean writeWithAck(String socketId, OutboundPacket packet, BroadcastFlags flags, Consumer<Object> ack) {
        SioSocket s = sockets.get(socketId);
        if (s == null) {
            return false;
        }
        SioOutboundPacket p = (SioOutboundPacket) withAckIdIfNeeded(packet);
        s.expectAck(p.ackId(), args -> ack.accept(args.isEmpty() ? null : plain(args.get(0))));
        if (!flags.volatile_() || s.client().engine().isWritable()) {
            countBroadcastWrite();
            notifyOutgoing(s, p);
            s.client().writeEngine(p.wire());
        }
        return true;
    }

    private void countBroadcastWrite() {
        dev.socketee.impl.metrics.ServerMetrics m = server.metrics();
        m.broadcastRecipient();
        m.eventOut();
    }

    /** Where this namespace's sockets report (see {@link SioServer#metrics}). */
    public dev.socketee.impl.metrics.ServerMetrics metrics() {
        return server.metrics();
    }

    /**
     * A request to the other nodes through a cluster adapter, timed for the metrics (a local
     * adapter's answers are not cluster requests, and without metrics nothing is wrapped).
     */
    public <T> java.util.concurrent.CompletionStage<T> clusterRequest(java.util.function.Supplier<java.util.concurrent.CompletionStage<T>> request) {
        dev.socketee.impl.metrics.ServerMetrics m = server.metrics();
        if (m == dev.socketee.impl.metrics.ServerMetrics.NONE || adapter() instanceof dev.socketee.adapter.InMemoryAdapter) {
            return request.get();
        }
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<T> timed = new java.util.concurrent.CompletableFuture<>();
        request.get().whenComplete((r, error) -> { // the caller sees the adapter's own outcome, not a CompletionException around it
            m.clusterRequest(System.nanoTime() - t0, error != null);
            if (error == null) {
                timed.complete(r);
            } else {
                timed.completeExceptionally(error);
            }
        });
        return timed;
    }

    /** Middleware's outgoing hook and the observer's, once per recipient, only when someone listens. */
    private void notifyOutgoing(SioSocket s, OutboundPacket packet) {
        if (handlers.outgoingListener() != null || server.observer() != null) {
            SioOutboundPacket p = packet instanceof SioOutboundPacket own ? own : SioOutboundPacket.fromData(name, packet.data(), jsonFallback());
            s.notifyOutgoing(p.event(), p.args());
        }
    }

    /** A reply as plain values: a cluster adapter sends it on, and the application binds it. */
    private static Object plain(Object arg) {
        return arg instanceof dev.socketee.impl.json.RawJson r ? dev.socketee.impl.json.JsonReader.parse(r.json()) : arg;
    }

    private OutboundPacket withAckIdIfNeeded(OutboundPacket packet) {
        return packet instanceof SioOutboundPacket own && own.ackId() != dev.socketee.impl.protocol.socket.SioPacket.NO_ACK
                ? own : withAckId(packet, nextAckId());
    }

    List<dev.socketee.impl.protocol.engine.EnginePacket> wireOf(OutboundPacket packet) {
        return wire(packet);
    }

    private List<dev.socketee.impl.protocol.engine.EnginePacket> wire(OutboundPacket packet) {
        SioOutboundPacket p = packet instanceof SioOutboundPacket own ? own : SioOutboundPacket.fromData(name, packet.data(), jsonFallback());
        return p.wire();
    }

    @Override
    public Optional<SocketDetails> details(String socketId) {
        SioSocket s = sockets.get(socketId);
        return s == null ? Optional.empty() : Optional.of(SocketDetailsOf.socket(s));
    }

    @Override
    public void join(String socketId, Set<String> rooms) {
        SioSocket s = sockets.get(socketId);
        if (s != null) {
            rooms.forEach(s::join);
        }
    }

    @Override
    public void leave(String socketId, Set<String> rooms) {
        SioSocket s = sockets.get(socketId);
        if (s != null) {
            rooms.forEach(s::leave);
        }
    }

    @Override
    public void disconnect(String socketId, boolean close) {
        SioSocket s = sockets.get(socketId);
        if (s != null) {
            s.disconnect(close);
        }
    }

    /** Handlers run on the callback executor: the caller may be a broker's I/O thread. */
    @Override
    public void onServerSideEmit(List<Object> data, ServerSideAck ack) {
        NamespaceHandlers.ServerEventHandler h = handlers.serverEventHandler();
        if (h == null || data.isEmpty() || !(data.get(0) instanceof String event)) {
            return;
        }
        server.callbacks().execute(() -> {
            try {
                h.onServerEvent(this, event, data.subList(1, data.size()), ack);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Server-side event handler of '" + event + "' in " + name + " failed", e);
            }
        });
    }

    /** Runs the connect handler; if it admits the socket, the socket joins and the client gets its CONNECT reply. */
    void connect(SioSocket socket, Object auth) {
        DebugLog.SIO.socket(socket.client().engine(), name, socket.id(), "connecting", null);
        socket.auth(auth);
        if (SessionRecovery.tryRecover(this, socket, auth)) {
            return; // admitted as it was, connect handlers skipped (skip-middlewares)
        }
        try {
            handlers.connectHandler().onConnect(socket, auth);
        } catch (dev.socketee.ConnectionRefusedException refused) {
            socket.refuse(refused.getMessage(), refused.data());
            return;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Connect handler of " + name + " failed; refusing socket", e);
            socket.refuse("Server error", null);
            return;
        }
        if (socket.recovered()) {
            SessionRecovery.admitRestored(this, socket); // skip-middlewares off: what was sent while the handlers ran too
        } else {
            socket.admit();
        }
    }

    /** The socket was admitted (called under the socket's lock, with its transition to CONNECTED). */
    void add(SioSocket socket) {
        sockets.put(socket.id(), socket);
        server.metrics().socketConnected();
    }

    /** An admitted socket left: disconnecting handler (rooms still readable), rooms gone, disconnect handler. */
    void remove(SioSocket socket, String reason) {
        if (!sockets.containsKey(socket.id())) {
            return;
        }
        try {
            handlers.disconnectingHandler().accept(socket, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Disconnecting handler of " + name + " failed", e);
        }
        if (sockets.remove(socket.id(), socket)) {
            SessionRecovery.persistIfRecoverable(this, socket, reason); // before its rooms go (node: in _onclose, before leaveAll)
            server.metrics().socketDisconnected(reason);
            adapter().delAll(socket.id());
            try {
                handlers.disconnectHandler().accept(socket, reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Disconnect handler of " + name + " failed", e);
            }
        }
    }

    /** A socket of this namespace is gone for good (refused or closed): a dynamic namespace may go with it. */
    void release(SioSocket socket) {
        if (dynamic) {
            server.release(this);
        }
    }

    /** One more socket connecting (inside the server's map update for this name). */
    void occupy() {
        occupants++;
    }

    /** One socket fewer; the count left (inside the server's map update for this name). */
    int vacate() {
        return --occupants;
    }

    /** An event handler threw: the namespace's error handler decides, else one log line. */
    void onHandlerError(SioSocket socket, String event, Throwable error) {
        NamespaceHandlers.ErrorHandler h = handlers.errorHandler();
        if (h == null) {
            LOG.log(Level.WARNING, "Handler of '" + event + "' in " + name + " failed", error);
            return;
        }
        try {
            h.onError(socket, event, error);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Error handler of " + name + " failed", e);
        }
    }

    /** Local room members of this namespace (a snapshot). */
    public java.util.Set<SioSocket> members(String room) {
        java.util.Set<SioSocket> out = new java.util.HashSet<>();
        for (String id : adapter().sockets(Set.of(room))) {
            SioSocket s = sockets.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Rooms with a local member now (a snapshot). */
    public java.util.Set<String> rooms() {
        return adapter().rooms();
    }
}
