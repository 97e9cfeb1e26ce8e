package dev.socketee.impl.sio;

import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.sio.adapter.InMemoryRoomAdapter;
import dev.socketee.impl.sio.adapter.RoomAdapter;
import dev.socketee.impl.sio.broadcast.BroadcastOperator;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Socket.IO namespace: its connected sockets, its rooms (in the adapter), its handlers. A
 * dynamic one (made from a pattern) counts the sockets connecting or connected to it and is
 * removed from the server when the last one leaves (node's {@code cleanupEmptyChildNamespaces}).
 */
public final class Namespace {

    private static final Logger LOG = Logger.getLogger(Namespace.class.getName());

    private final String name;
    private final NamespaceHandlers handlers;
    private final ConcurrentHashMap<String, SioSocket> sockets = new ConcurrentHashMap<>();
    private final RoomAdapter adapter = new InMemoryRoomAdapter();

    private final SioServer server;
    private final boolean dynamic;
    /** Sockets connecting or connected (dynamic namespaces only); changed only inside the server's map update for this name. */
    private int occupants;

    Namespace(String name, NamespaceHandlers handlers, SioServer server, boolean dynamic) {
        this.name = name;
        this.handlers = handlers;
        this.server = server;
        this.dynamic = dynamic;
    }

    /** How emitted records and POJOs are written (JSON-B under CDI), or null. */
    public dev.socketee.impl.json.JsonFallback jsonFallback() {
        return server.jsonFallback();
    }

    public String name() {
        return name;
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

    RoomAdapter adapter() {
        return adapter;
    }

    NamespaceHandlers handlers() {
        return handlers;
    }

    /** All sockets of the namespace. */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(this, Set.of(), Set.of());
    }

    public BroadcastOperator to(String room) {
        return broadcast().to(room);
    }

    /** Writes one encoded packet to every target; the engine packets are built once and shared. */
    public void broadcast(EncodedSioPacket packet, Set<String> rooms, Set<String> except) {
        List<EnginePacket> wire = Client.enginePackets(packet);
        adapter.forEachTarget(rooms, except, id -> {
            SioSocket s = sockets.get(id);
            if (s != null) {
                s.client().writeEngine(wire);
            }
        });
    }

    /** Runs the connect handler; if it admits the socket, the socket joins and the client gets its CONNECT reply. */
    void connect(SioSocket socket, Object auth) {
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
        socket.admit();
    }

    /** The socket was admitted (called under the socket's lock, with its transition to CONNECTED). */
    void add(SioSocket socket) {
        sockets.put(socket.id(), socket);
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
            adapter.delAll(socket.id());
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

    /** Room members of this namespace (a snapshot). */
    public java.util.Set<SioSocket> members(String room) {
        java.util.Set<SioSocket> out = new java.util.HashSet<>();
        for (String id : adapter.sockets(room)) {
            SioSocket s = sockets.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Rooms with a member now (a snapshot). */
    public java.util.Set<String> rooms() {
        return adapter.rooms();
    }
}
