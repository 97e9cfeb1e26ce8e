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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process Socket.IO client for users' own tests, like Flask-SocketIO's
 * {@code SocketIOTestClient}: one connection to the application running in this JVM, without
 * any network, on as many namespaces as the test connects ({@link #namespace(String)}). Handlers
 * see a normal socket whose handshake has the headers, query, principal and HTTP session the
 * {@link Builder} gave. Waits (CONNECT answers, acks, {@link TestNamespace#awaitEvent}) end at
 * the client's {@linkplain Builder#timeout timeout}: 5 s, or the system property
 * {@code socketee.test.timeout} in milliseconds.
 *
 * <pre>{@code
 * try (SocketTestClient client = SocketTestClient.builder().header("x-client", "test").query("room", "a").build()) {
 *     TestNamespace chat = client.namespace("/chat").connect(Map.of("token", "t1"));
 *     assertTrue(chat.isConnected());
 *     chat.emit("my_event", Map.of("data", "hello"));
 *     List<ReceivedEvent> events = chat.received();             // and clears them
 *     List<Object> ack = chat.emitWithAck("echo", "x");         // the handler's ack
 * }
 * }</pre>
 *
 * The methods without a namespace act on the client's main namespace: the one the static
 * {@code connect} methods connected, else {@code "/"}.
 */
public final class SocketTestClient implements AutoCloseable {

    private final SocketeeRuntime runtime;
    private final EngineSession session;
    private final LoopbackTransport transport;
    private final JsonFallback json;
    private final Duration timeout;
    private final Map<String, TestNamespace> namespaces = new ConcurrentHashMap<>();
    private volatile String mainNamespace = "/";
    private volatile boolean open = true;

    private SocketTestClient(SocketeeRuntime runtime, HandshakeInfo handshake, Duration timeout) {
        this.runtime = runtime;
        this.json = runtime.jsonFallback();
        this.timeout = timeout;
        ServerPacketReader reader = new ServerPacketReader(this::onPacket);
        this.transport = new LoopbackTransport(reader::accept, this::onClosed);
        this.session = runtime.engineServer().open(transport, handshake);
        transport.bind(session);
        session.onWritable(transport);
    }

    /** A client to configure: handshake headers, query, principal, HTTP session, timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /** Opens a connection and connects to {@code namespace} without auth; that namespace becomes the main one. */
    public static SocketTestClient connect(String namespace) {
        return connect(namespace, null, Map.of());
    }

    /** As {@link #connect(String)}, with an auth payload (what the connect handler sees in {@code e.auth(...)}). */
    public static SocketTestClient connect(String namespace, Object auth) {
        return connect(namespace, auth, Map.of());
    }

    /** As {@link #connect(String, Object)}, with handshake headers (names in lower case). */
    public static SocketTestClient connect(String namespace, Object auth, Map<String, List<String>> headers) {
        SocketTestClient client = builder().headers(headers).build();
        client.mainNamespace = namespace;
        client.namespace(namespace).connect(auth);
        return client;
    }

    /** The namespace of this connection, connected or not yet ({@link TestNamespace#connect}); the same object each time. */
    public TestNamespace namespace(String name) {
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("A namespace starts with '/': " + name);
        }
        return namespaces.computeIfAbsent(name, n -> new TestNamespace(this, n));
    }

    /** The runtime this client talks to. */
    public SocketeeRuntime runtime() {
        return runtime;
    }

    /** How long every wait of this client lasts at most. */
    public Duration timeout() {
        return timeout;
    }

    /** Whether the connection is open (closed by {@link #close()} or by the server). */
    public boolean isOpen() {
        return open;
    }

    // ---- the main namespace, Flask's methods without namespace= --------------------------------

    /** Whether the main namespace is connected. */
    public boolean isConnected() {
        return main().isConnected();
    }

    /** Whether that namespace is connected (Flask's {@code is_connected(namespace)}). */
    public boolean isConnected(String namespace) {
        TestNamespace ns = namespaces.get(namespace);
        return ns != null && ns.isConnected();
    }

    /** The main namespace's CONNECT_ERROR body, or null. */
    public Map<?, ?> connectError() {
        return main().connectError();
    }

    /** The main namespace's socket id. */
    public String id() {
        return main().id();
    }

    /** Emits on the main namespace. */
    public void emit(String event, Object... args) {
        main().emit(event, args);
    }

    /** Emits on the main namespace and waits for the ack's arguments. */
    public List<Object> emitWithAck(String event, Object... args) {
        return main().emitWithAck(event, args);
    }

    /** Drains what the server emitted on the main namespace. */
    public List<ReceivedEvent> received() {
        return main().received();
    }

    /** Drains what the server emitted on that namespace (Flask's {@code get_received(namespace)}). */
    public List<ReceivedEvent> received(String namespace) {
        return namespace(namespace).received();
    }

    /** Waits for an event on the main namespace. */
    public ReceivedEvent awaitEvent(String event) {
        return main().awaitEvent(event);
    }

    /** Leaves the main namespace. */
    public void disconnect() {
        main().disconnect();
    }

    /** Leaves that namespace (Flask's {@code disconnect(namespace)}). */
    public void disconnect(String namespace) {
        namespace(namespace).disconnect();
    }

    /** Closes the connection: every namespace ends, the server sees "transport close". */
    @Override
    public void close() {
        session.onClose(EngineCloseReason.TRANSPORT_CLOSE);
    }

    private TestNamespace main() {
        return namespace(mainNamespace);
    }

    // ---- the wire ------------------------------------------------------------------------------

    void sendConnect(String namespace, Object auth) {
        StringBuilder sb = new StringBuilder("0");
        if (!"/".equals(namespace)) {
            sb.append(namespace).append(',');
        }
        if (auth != null) {
            JsonWriter.write(sb, auth, null, json);
        }
        send(EnginePacket.message(sb.toString()));
    }

    void sendEvent(String namespace, String event, List<Object> args, long ackId) {
        write(SioPacketEncoder.event(namespace, event, args, ackId, json));
    }

    void sendDisconnect(String namespace) {
        write(SioPacketEncoder.disconnect(namespace));
    }

    private void write(EncodedSioPacket p) {
        send(EnginePacket.message(p.text()));
        for (byte[] b : p.attachments()) {
            send(EnginePacket.binary(b));
        }
    }

    private void send(EnginePacket p) {
        if (!open) {
            throw new IllegalStateException("The connection is closed");
        }
        session.onPacket(transport, p);
    }

    private void onPacket(ServerPacketReader.Packet p) {
        TestNamespace ns = namespaces.get(p.namespace());
        if (ns == null) {
            return; // nothing the client asked for
        }
        switch (p.type()) {
            case 0 -> ns.onConnected(String.valueOf(((Map<?, ?>) p.data()).get("sid")));
            case 4 -> ns.onConnectError((Map<?, ?>) p.data());
            case 1 -> ns.onDisconnected();
            case 2, 5 -> ns.onEvent(event(p));
            case 3, 6 -> ns.onAck(p.ackId(), asList(p.data()));
            default -> { }
        }
    }

    private ReceivedEvent event(ServerPacketReader.Packet p) {
        List<Object> data = asList(p.data());
        String name = String.valueOf(data.get(0));
        List<Object> args = new ArrayList<>(data.subList(1, data.size()));
        long ackId = p.ackId();
        String namespace = p.namespace();
        return new ReceivedEvent(name, args, ackId < 0 ? null
                : ackArgs -> write(SioPacketEncoder.ack(namespace, ackId, ackArgs, json)));
    }

    private void onClosed() {
        open = false;
        namespaces.values().forEach(TestNamespace::onDisconnected);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object data) {
        return data instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /**
     * The handshake of a test client and its timeout. Headers are stored in lower case as the
     * servlet layer does; the query also carries {@code EIO=4} and {@code transport=websocket}
     * as a real client's would.
     */
    public static final class Builder {
        private final Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        private final Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        private java.security.Principal principal;
        private jakarta.servlet.http.HttpSession httpSession;
        private java.net.InetSocketAddress remoteAddress = java.net.InetSocketAddress.createUnresolved("127.0.0.1", 0);
        private Duration timeout = defaultTimeout();
        private SocketeeRuntime runtime;

        private Builder() {
            query.put("EIO", List.of("4"));
            query.put("transport", List.of("websocket"));
        }

        /** Adds a handshake header value. */
        public Builder header(String name, String... values) {
            headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        /** Adds these handshake headers. */
        public Builder headers(Map<String, List<String>> more) {
            more.forEach((k, v) -> header(k, v.toArray(String[]::new)));
            return this;
        }

        /** Adds a query parameter value (what {@code handshake().query()} shows). */
        public Builder query(String name, String... values) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        /** Adds the parameters of a query string such as {@code "room=a&user=b"} (URL-encoded). */
        public Builder queryString(String queryString) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                query(decode(k), decode(v));
            }
            return this;
        }

        /** The authenticated user of the handshake request ({@code handshake().principal()}). */
        public Builder principal(java.security.Principal p) {
            this.principal = p;
            return this;
        }

        /** The HTTP session of the handshake request ({@code handshake().httpSession()}), e.g. a {@link TestHttpSession}. */
        public Builder httpSession(jakarta.servlet.http.HttpSession s) {
            this.httpSession = s;
            return this;
        }

        /** The client's address as the server sees it. */
        public Builder remoteAddress(java.net.InetSocketAddress a) {
            this.remoteAddress = a;
            return this;
        }

        /** How long the client waits for CONNECT answers, acks and awaited events at most. */
        public Builder timeout(Duration t) {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + t);
            }
            this.timeout = t;
            return this;
        }

        /** The runtime to talk to; by default the one started last in this JVM. */
        public Builder runtime(SocketeeRuntime r) {
            this.runtime = r;
            return this;
        }

        /** Opens the connection (engine handshake done, no namespace connected yet). */
        public SocketTestClient build() {
            SocketeeRuntime r = runtime != null ? runtime : SocketeeRuntime.current();
            if (r == null) {
                throw new IllegalStateException("No Socketee application is running in this JVM"
                        + " (start one, or annotate the test class with @SocketeeTest from socketee-testing)");
            }
            HandshakeInfo handshake = new HandshakeInfo(headers, query, remoteAddress, System.currentTimeMillis(),
                    principal, httpSession);
            return new SocketTestClient(r, handshake, timeout);
        }

        /** Opens the connection and connects to {@code "/"}. */
        public SocketTestClient connect() {
            return connect("/", null);
        }

        /** Opens the connection and connects to that namespace with that auth; it becomes the main namespace. */
        public SocketTestClient connect(String namespace, Object auth) {
            SocketTestClient client = build();
            client.mainNamespace = namespace;
            client.namespace(namespace).connect(auth);
            return client;
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static Duration defaultTimeout() {
            String ms = System.getProperty("socketee.test.timeout");
            return ms == null || ms.isBlank() ? Duration.ofSeconds(5) : Duration.ofMillis(Long.parseLong(ms.trim()));
        }
    }
}
