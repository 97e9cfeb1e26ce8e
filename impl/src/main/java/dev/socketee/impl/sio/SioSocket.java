package dev.socketee.impl.sio;

import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import dev.socketee.impl.sio.broadcast.BroadcastOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's presence in one namespace (socket.io's server-side {@code Socket}): emits, acks
 * both ways, rooms, session data. Packets emitted while the connect handler runs are held and
 * sent right after the CONNECT reply.
 */
public final class SioSocket {

    private static final Logger LOG = Logger.getLogger(SioSocket.class.getName());

    private final String id;
    private final Namespace namespace;
    private final Client client;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Long, AckCallback> acks = new ConcurrentHashMap<>();
    private final AtomicLong nextAckId = new AtomicLong();
    private final ConcurrentHashMap<String, Object> data = new ConcurrentHashMap<>();
    private List<EncodedSioPacket> heldWhileConnecting = new ArrayList<>();
    private volatile boolean connected;

    SioSocket(String id, Namespace namespace, Client client) {
        this.id = id;
        this.namespace = namespace;
        this.client = client;
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
        return connected;
    }

    /** Per-socket session data, kept across events. */
    public ConcurrentHashMap<String, Object> data() {
        return data;
    }

    // ---- emitting ---------------------------------------------------------------------------

    public void emit(String event, Object... args) {
        send(SioPacketEncoder.event(namespace.name(), event, Arrays.asList(args), SioPacket.NO_ACK, client.json()));
    }

    public void emitArgs(String event, List<?> args) {
        send(SioPacketEncoder.event(namespace.name(), event, args, SioPacket.NO_ACK, client.json()));
    }

    /** Emits and calls {@code callback} with the client's acknowledgement. */
    public void emitWithAck(String event, List<?> args, AckCallback callback) {
        long ackId = nextAckId.getAndIncrement();
        acks.put(ackId, callback);
        send(SioPacketEncoder.event(namespace.name(), event, args, ackId, client.json()));
    }

    /**
     * Emits and completes with the client's acknowledgement, or with a TimeoutException after
     * {@code timeoutMillis} (the pending ack is then forgotten). The timeout completes the future
     * on the callback executor: what the caller chained to it is user code.
     */
    public java.util.concurrent.CompletableFuture<List<Object>> emitWithAck(String event, List<?> args, long timeoutMillis) {
        java.util.concurrent.CompletableFuture<List<Object>> result = new java.util.concurrent.CompletableFuture<>();
        long ackId = nextAckId.getAndIncrement();
        dev.socketee.impl.engine.Timeout timeout = new dev.socketee.impl.engine.Timeout() {
            @Override
            protected void expire() {
                if (acks.remove(ackId) != null) {
                    client.callbacks().execute(() -> result.completeExceptionally(new java.util.concurrent.TimeoutException(
                            "No ack for '" + event + "' within " + timeoutMillis + " ms")));
                }
            }
        };
        acks.put(ackId, reply -> {
            client.timer().cancel(timeout);
            result.complete(reply);
        });
        client.timer().schedule(timeout, timeoutMillis);
        send(SioPacketEncoder.event(namespace.name(), event, args, ackId, client.json()));
        return result;
    }

    private volatile Object facade;

    /** The API object the CDI layer wraps this socket in (one per socket). */
    public Object facade() {
        return facade;
    }

    public void facade(Object f) {
        this.facade = f;
    }

    private void send(EncodedSioPacket packet) {
        synchronized (this) {
            if (!connected && heldWhileConnecting != null) {
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

    public void join(String room) {
        if (rooms.add(room)) {
            namespace.adapter().add(this, room);
        }
    }

    public void leave(String room) {
        if (rooms.remove(room)) {
            namespace.adapter().remove(this, room);
        }
    }

    public Set<String> rooms() {
        return Set.copyOf(rooms);
    }

    // ---- lifecycle --------------------------------------------------------------------------

    void onConnected() {
        List<EncodedSioPacket> held;
        client.write(SioPacketEncoder.connected(namespace.name(), id));
        synchronized (this) {
            connected = true;
            held = heldWhileConnecting;
            heldWhileConnecting = null;
        }
        for (EncodedSioPacket p : held) {
            client.write(p);
        }
    }

    void refuse(String message, Object errorData) {
        synchronized (this) {
            heldWhileConnecting = null;
        }
        client.write(SioPacketEncoder.connectError(namespace.name(), message, errorData));
        client.forget(this);
    }

    /**
     * Server-side disconnect: the client gets DISCONNECT for this namespace; with {@code close}
     * the whole Engine.IO connection closes too (every namespace of the client).
     */
    public void disconnect(boolean close) {
        if (!connected) {
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
        if (!connected) {
            return;
        }
        client.write(SioPacketEncoder.disconnect(namespace.name()));
        onClose(SioDisconnectReason.SERVER_NAMESPACE_DISCONNECT.wireName());
    }

    /** Leaves the namespace once, whatever the reason; the disconnect handler runs with the reason. */
    void onClose(String reason) {
        synchronized (this) {
            if (!connected) {
                return;
            }
            connected = false;
        }
        client.forget(this);
        namespace.remove(this, reason);
        acks.clear();
        rooms.clear();
    }

    void onPacket(SioPacket p) {
        switch (p.type()) {
            case EVENT, BINARY_EVENT -> dispatch(p);
            case ACK, BINARY_ACK -> {
                AckCallback cb = acks.remove(p.ackId());
                if (cb == null) {
                    LOG.fine(() -> "Socket " + id + ": ack " + p.ackId() + " unknown; ignored");
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
        EventHandler h = namespace.handlers().handlerFor(p.event());
        if (h == null) {
            return;
        }
        Ack ack = p.hasAck() ? new Ack(this, p.ackId()) : null;
        try {
            h.onEvent(this, p.event(), p.args(), ack);
        } catch (Exception e) {
            namespace.onHandlerError(this, p.event(), e);
        }
    }
}
