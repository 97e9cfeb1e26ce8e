package dev.socketee.impl.sio;

import dev.socketee.impl.engine.DebugLog;
import dev.socketee.impl.engine.SessionTag;
import dev.socketee.impl.engine.ThrottledLog;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.SidGenerator;
import dev.socketee.impl.engine.Scheduler;
import dev.socketee.impl.engine.Timeout;
import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketDecoder;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import dev.socketee.impl.protocol.socket.SioProtocolV4;
import dev.socketee.impl.json.JsonWriter;
import dev.socketee.impl.json.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The Socket.IO view of one Engine.IO session (socket.io's {@code Client}): decodes its
 * packets, multiplexes them over the namespaces it joined, and closes it when no namespace is
 * joined within the connect timeout or a packet is malformed.
 */
public final class Client {

    private static final Logger LOG = Logger.getLogger(Client.class.getName());
    /** Client-provoked lines: throttled, so a flood of bad packets cannot flood the log. */
    private static final ThrottledLog CLIENT_ERRORS = new ThrottledLog(LOG, java.util.logging.Level.INFO);

    private final SioServer server;
    private final EngineSession engine;
    private final SioPacketDecoder decoder;
    private final NamespaceSockets sockets = new NamespaceSockets();
    private final ConnectTimeout connectTimeout = new ConnectTimeout();
    private volatile boolean closed;
    private volatile String closeReason;
    /**
     * What upper layers keep per connection (the CDI layer's async lane), by type; made on first
     * use under this client's lock (an idle connection has none) and read through the volatile field.
     */
    private volatile ConcurrentHashMap<Class<?>, Object> extensions;

    Client(SioServer server, EngineSession engine) {
        this.server = server;
        this.engine = engine;
        this.decoder = new SioPacketDecoder(server.maxAttachments());
        server.timer().schedule(connectTimeout, server.connectTimeoutMillis());
    }

    public EngineSession engine() {
        return engine;
    }

    /**
     * State an upper layer keeps for this connection, made with {@code create} on first use, once
     * (it must be cheap and must not call back into this client); it goes with the client.
     */
    public <T> T extension(Class<T> type, java.util.function.Supplier<? extends T> create) {
        ConcurrentHashMap<Class<?>, Object> all = extensions;
        if (all == null) {
            synchronized (this) {
                all = extensions;
                if (all == null) {
                    all = new ConcurrentHashMap<>(2);
                    extensions = all;
                }
            }
        }
        return type.cast(all.computeIfAbsent(type, k -> create.get()));
    }

    dev.socketee.impl.json.JsonFallback json() {
        return server.jsonFallback();
    }

    Scheduler timer() {
        return server.timer();
    }

    java.util.concurrent.Executor callbacks() {
        return server.callbacks();
    }

    // ---- inbound ----------------------------------------------------------------------------

    void onText(String text) {
        DebugLog.SIO_PACKETS.text(engine, true, text);
        SioPacket p;
        try {
            synchronized (decoder) {
                p = decoder.decodeText(text);
            }
        } catch (ProtocolException e) {
            parseError(e);
            return;
        }
        if (p != null) {
            onPacket(p);
        }
    }

    void onBinary(byte[] data) {
        DebugLog.SIO_PACKETS.attachment(engine, data);
        SioPacket p;
        try {
            synchronized (decoder) {
                p = decoder.decodeBinary(data);
            }
        } catch (ProtocolException e) {
            parseError(e);
            return;
        }
        if (p != null) {
            onPacket(p);
        }
    }

    private void parseError(ProtocolException e) {
        CLIENT_ERRORS.log(() -> "Session " + SessionTag.of(engine.id()) + ": malformed Socket.IO packet (" + e.getMessage() + "); closing");
        engine.onClose(EngineCloseReason.PARSE_ERROR);
    }

    private void onPacket(SioPacket p) {
        if (p.type() == dev.socketee.impl.protocol.socket.SioPacketType.CONNECT) {
            if (speaksV4()) { // the auth is the namespace's query string
                SioProtocolV4.NamespaceAndAuth na = SioProtocolV4.parseConnect(p.namespace());
                connect(na.namespace(), new RawJson(JsonWriter.write(na.auth())));
            } else {
                connect(p.namespace(), p.data());
            }
            return;
        }
        SioSocket socket = sockets.get(speaksV4() ? SioProtocolV4.namespaceOf(p.namespace()) : p.namespace());
        if (socket == null) {
            DebugLog.SIO.event(engine, "packet for a namespace not joined, ignored:", p.namespace());
            return;
        }
        socket.onPacket(p);
    }

    /**
     * A CONNECT: unknown names get node's "Invalid namespace"; past the per-connection cap the
     * client gets "Too many namespaces" (a CONNECT_ERROR for that namespace only; the others live on).
     */
    private void connect(String name, Object auth) {
        if (sockets.contains(name)) {
            DebugLog.SIO.event(engine, "CONNECT again to a namespace already joined, ignored:", name);
            return;
        }
        if (sockets.size() >= server.maxNamespacesPerConnection()) {
            CLIENT_ERRORS.log(() -> "Session " + SessionTag.of(engine.id()) + ": more than " + server.maxNamespacesPerConnection()
                    + " namespaces at once; connect refused");
            write(dev.socketee.impl.protocol.socket.SioPacketEncoder.connectError(name, "Too many namespaces", null));
            return;
        }
        Namespace namespace = server.reserve(name);
        if (namespace == null) {
            DebugLog.SIO.event(engine, "CONNECT to an unknown namespace, Invalid namespace:", name);
            write(dev.socketee.impl.protocol.socket.SioPacketEncoder.connectError(name, "Invalid namespace", null));
            return;
        }
        SioSocket socket = new SioSocket(socketId(name), namespace, this);
        if (!sockets.addIfAbsent(socket)) {
            namespace.release(socket); // a second CONNECT raced the first
            return;
        }
        if (closed) { // the engine closed while this CONNECT was decoded: onEngineClose may not have seen the socket
            socket.onClose(closeReason);
            return;
        }
        server.timer().cancel(connectTimeout);
        namespace.connect(socket, auth);
    }

    // ---- Engine.IO v3 clients (Socket.IO protocol v4): what differs, see SioProtocolV4 ----------

    /** Whether this client speaks Socket.IO protocol v4 (an Engine.IO v3 client). */
    boolean speaksV4() {
        return engine.protocol() == 3;
    }

    /** A v4-protocol client is on "/" without asking, as node's socket.io connects it on open. */
    void connectImplicitly() {
        if (speaksV4()) {
            connect("/", new RawJson("{}"));
        }
    }

    /** v5: a random id (never the sensitive engine id); v4 protocol: node's {@code nsp#engineId} ("/": the engine id). */
    private String socketId(String namespace) {
        if (!speaksV4()) {
            return SidGenerator.next();
        }
        return "/".equals(namespace) ? engine.id() : namespace + "#" + engine.id();
    }

    /** The CONNECT reply in the client's protocol (v4: no payload, so no pid: a v3 client never recovers, as in node). */
    EncodedSioPacket connectReply(String namespace, String socketId, String pid) {
        return speaksV4() ? SioProtocolV4.connected(namespace) : SioPacketEncoder.connected(namespace, socketId, pid);
    }

    /** The refusal of a connect handler or middleware in the client's protocol. */
    EncodedSioPacket connectRefusal(String namespace, String message, Object data) {
        return speaksV4() ? SioProtocolV4.connectError(namespace, message, data) : SioPacketEncoder.connectError(namespace, message, data);
    }

    void forget(SioSocket socket) {
        sockets.remove(socket);
    }

    /** The engine session closed: every socket of this client leaves with the reason. */
    void onEngineClose(String reason) {
        DebugLog.SIO.event(engine, "connection closed:", reason);
        closeReason = reason;
        closed = true;
        server.timer().cancel(connectTimeout);
        for (SioSocket s : sockets.snapshot()) {
            s.onClose(reason);
        }
        sockets.clear();
    }

    // ---- outbound ---------------------------------------------------------------------------

    void write(EncodedSioPacket packet) {
        writeEngine(enginePackets(packet));
    }

    void writeEngine(List<EnginePacket> packets) {
        DebugLog.SIO_PACKETS.sioOut(engine, packets);
        SioObserver o = server.observer();
        if (o != null) {
            int size = 0;
            for (EnginePacket p : packets) {
                size += p.isBinary() ? p.binary().length : p.text().length();
            }
            o.messagesOut(packets.size(), size);
        }
        if (packets.size() == 1) {
            engine.send(packets.get(0));
        } else {
            engine.send(packets);
        }
    }

    /** The Engine.IO packets of an encoded Socket.IO packet: its text, then its attachments. */
    static List<EnginePacket> enginePackets(EncodedSioPacket packet) {
        EnginePacket text = EnginePacket.message(packet.text());
        if (!packet.hasAttachments()) {
            return List.of(text);
        }
        List<EnginePacket> all = new ArrayList<>(1 + packet.attachments().size());
        all.add(text);
        for (byte[] b : packet.attachments()) {
            all.add(EnginePacket.binary(b));
        }
        return all;
    }

    /** Disconnects every socket of this client (each gets DISCONNECT), then closes the connection. */
    void disconnectAll() {
        for (SioSocket s : sockets.snapshot()) {
            s.disconnectQuietly();
        }
        close();
    }

    /** Closes the underlying connection after what is queued has been sent. */
    public void close() {
        engine.close();
    }

    /**
     * No CONNECT within the timeout: close, as node's socket.io does. The close reaches the
     * engine listener, so it runs on the callback executor, not on the timer's engine pool.
     */
    private final class ConnectTimeout extends Timeout {
        @Override
        protected void expire() {
            if (sockets.isEmpty()) {
                DebugLog.SIO.event(engine, "no namespace joined within the connect timeout (ms); closing:", server.connectTimeoutMillis());
                server.callbacks().execute(() -> {
                    if (sockets.isEmpty()) {
                        engine.onClose(EngineCloseReason.FORCED_CLOSE);
                    }
                });
            }
        }
    }
}
