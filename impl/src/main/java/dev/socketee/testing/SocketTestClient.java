package dev.socketee.testing;

import dev.socketee.impl.cdi.SocketeeRuntime;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.json.JsonFallback;
import dev.socketee.impl.json.JsonWriter;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Socket.IO client for users' own tests, like Flask-SocketIO's
 * {@code SocketIOTestClient}: it joins a namespace of the application running in this JVM
 * without any network, emits events, collects what the server emitted to it, and answers or
 * awaits acknowledgements. Handlers see a normal socket (handshake from the given headers).
 *
 * <pre>{@code
 * try (SocketTestClient client = SocketTestClient.connect("/test", Map.of("token", "t1"))) {
 *     assertTrue(client.isConnected());
 *     client.emit("my_event", Map.of("data", "hello"));
 *     List<ReceivedEvent> events = client.received();           // and clears the list
 *     List<Object> ack = client.emitWithAck("echo", "x");       // waits up to 5 s
 * }
 * }</pre>
 */
public final class SocketTestClient implements AutoCloseable {

    private static final Duration ACK_WAIT = Duration.ofSeconds(5);

    private final String namespace;
    private final EngineSession session;
    private final LoopbackTransport transport;
    private final JsonFallback json;
    private final ServerPacketReader reader;
    private final List<ReceivedEvent> received = new ArrayList<>();
    private final Map<Long, CompletableFuture<List<Object>>> pendingAcks = new ConcurrentHashMap<>();
    private final AtomicLong nextAckId = new AtomicLong();
    private final CompletableFuture<Object> connectResult = new CompletableFuture<>();
    private volatile boolean connected;
    private volatile Map<?, ?> connectError;
    private volatile String socketId;

    private SocketTestClient(String namespace, SocketeeRuntime runtime, Map<String, List<String>> headers) {
        this.namespace = namespace;
        this.json = runtime.jsonFallback();
        this.reader = new ServerPacketReader(this::onPacket);
        this.transport = new LoopbackTransport(reader::accept);
        HandshakeInfo handshake = new HandshakeInfo(headers, Map.of(), new InetSocketAddress("127.0.0.1", 0),
                System.currentTimeMillis(), null, null);
        this.session = runtime.engineServer().open(transport, handshake);
        transport.bind(session);
        session.onWritable(transport);
    }

    /** Connects to a namespace of the application running in this JVM, without auth. */
    public static SocketTestClient connect(String namespace) {
        return connect(namespace, null, Map.of());
    }

    /** Connects with an auth payload (what the connect handler sees in {@code e.auth(...)}). */
    public static SocketTestClient connect(String namespace, Object auth) {
        return connect(namespace, auth, Map.of());
    }

    /** Connects with an auth payload and handshake headers (names in lower case). */
    public static SocketTestClient connect(String namespace, Object auth, Map<String, List<String>> headers) {
        SocketeeRuntime runtime = SocketeeRuntime.current();
        if (runtime == null) {
            throw new IllegalStateException("No Socketee application is running in this JVM");
        }
        SocketTestClient client = new SocketTestClient(namespace, runtime, headers);
        client.sendConnect(auth);
        return client;
    }

    private void sendConnect(Object auth) {
        StringBuilder sb = new StringBuilder("0");
        if (!"/".equals(namespace)) {
            sb.append(namespace).append(',');
        }
        if (auth != null) {
            JsonWriter.write(sb, auth, null, json);
        }
        session.onPacket(transport, EnginePacket.message(sb.toString()));
        try {
            connectResult.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("No answer to CONNECT " + namespace, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the namespace accepted the client. */
    public boolean isConnected() {
        return connected;
    }

    /** The CONNECT_ERROR body ({@code message}, {@code data}) when refused, else null. */
    public Map<?, ?> connectError() {
        return connectError;
    }

    /** The socket id the server gave. */
    public String id() {
        return socketId;
    }

    /** Emits an event to the server; synchronous handlers have run when this returns. */
    public void emit(String event, Object... args) {
        write(SioPacketEncoder.event(namespace, event, Arrays.asList(args), -1, json));
    }

    /** Emits with an ack request and returns the server's ack arguments (waits up to 5 s). */
    public List<Object> emitWithAck(String event, Object... args) {
        long id = nextAckId.getAndIncrement();
        CompletableFuture<List<Object>> f = new CompletableFuture<>();
        pendingAcks.put(id, f);
        write(SioPacketEncoder.event(namespace, event, Arrays.asList(args), id, json));
        try {
            return f.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pendingAcks.remove(id);
            throw new AssertionError("No ack for '" + event + "' within " + ACK_WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server emitted to this client since the last call, oldest first; clears the list. */
    public List<ReceivedEvent> received() {
        synchronized (received) {
            List<ReceivedEvent> copy = new ArrayList<>(received);
            received.clear();
            return copy;
        }
    }

    /** Leaves the namespace (the server sees "client namespace disconnect"). */
    public void disconnect() {
        if (connected) {
            connected = false;
            session.onPacket(transport, EnginePacket.message("1" + ("/".equals(namespace) ? "" : namespace + ",")));
        }
    }

    /** Closes the connection (the server sees "transport close"). */
    @Override
    public void close() {
        connected = false;
        session.onClose(EngineCloseReason.TRANSPORT_CLOSE);
    }

    private void write(EncodedSioPacket p) {
        if (!connected) {
            throw new IllegalStateException("Not connected to " + namespace);
        }
        session.onPacket(transport, EnginePacket.message(p.text()));
        for (byte[] b : p.attachments()) {
            session.onPacket(transport, EnginePacket.binary(b));
        }
    }

    private void onPacket(ServerPacketReader.Packet p) {
        if (!p.namespace().equals(namespace)) {
            return;
        }
        switch (p.type()) {
            case 0 -> {
                connected = true;
                socketId = String.valueOf(((Map<?, ?>) p.data()).get("sid"));
                connectResult.complete(socketId);
            }
            case 4 -> {
                connectError = (Map<?, ?>) p.data();
                connectResult.complete(connectError);
            }
            case 1 -> connected = false;
            case 2, 5 -> onEvent(p);
            case 3, 6 -> {
                CompletableFuture<List<Object>> f = pendingAcks.remove(p.ackId());
                if (f != null) {
                    f.complete(asList(p.data()));
                }
            }
            default -> { }
        }
    }

    private void onEvent(ServerPacketReader.Packet p) {
        List<Object> data = asList(p.data());
        String name = String.valueOf(data.get(0));
        List<Object> args = new ArrayList<>(data.subList(1, data.size()));
        long ackId = p.ackId();
        ReceivedEvent e = new ReceivedEvent(name, args, ackId < 0 ? null
                : ackArgs -> write(SioPacketEncoder.ack(namespace, ackId, ackArgs, json)));
        synchronized (received) {
            received.add(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object data) {
        return data instanceof List<?> l ? (List<Object>) l : List.of();
    }

}
