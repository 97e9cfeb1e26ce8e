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

/** One Socket.IO namespace: its connected sockets, its rooms, its handlers. */
public final class Namespace {

    private static final Logger LOG = Logger.getLogger(Namespace.class.getName());

    private final String name;
    private final NamespaceHandlers handlers;
    private final ConcurrentHashMap<String, SioSocket> sockets = new ConcurrentHashMap<>();
    private final RoomAdapter<SioSocket> adapter = new InMemoryRoomAdapter<>();

    private final SioServer server;

    Namespace(String name, NamespaceHandlers handlers, SioServer server) {
        this.name = name;
        this.handlers = handlers;
        this.server = server;
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

    RoomAdapter<SioSocket> adapter() {
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
        adapter.forEachTarget(rooms, except, sockets.values(), s -> s.client().writeEngine(wire));
    }

    /** Runs the connect handler; on success the socket joins and the client gets its CONNECT reply. */
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
        sockets.put(socket.id(), socket);
        socket.join(socket.id());
        socket.onConnected();
    }

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
            adapter.removeAll(socket, socket.rooms());
            try {
                handlers.disconnectHandler().accept(socket, reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Disconnect handler of " + name + " failed", e);
            }
        }
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
        return adapter.members(room);
    }
}
