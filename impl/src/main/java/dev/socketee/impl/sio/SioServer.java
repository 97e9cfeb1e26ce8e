package dev.socketee.impl.sio;

import dev.socketee.impl.engine.DebugLog;
import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.EngineThreads;
import dev.socketee.impl.engine.Scheduler;
import dev.socketee.impl.engine.transport.EngineRegistration;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Socket.IO server on top of one Engine.IO server: the namespaces, and one {@link Client} per
 * Engine.IO session. Namespaces are declared before {@link #attach}.
 *
 * <pre>{@code
 * SioServer io = new SioServer(EngineIoOptions.builder().path("/socket.io").build(), Duration.ofSeconds(45));
 * io.namespace("/", new NamespaceHandlers().on("echo", (s, e, args, ack) -> ack.send(args)));
 * io.attach(servletContext);
 * }</pre>
 */
public final class SioServer implements EngineIoListener {

    private final EngineIoOptions engineOptions;
    private final long connectTimeoutMillis;
    private final int maxAttachments;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final java.util.List<DynamicNamespace> dynamic = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile dev.socketee.impl.json.JsonFallback jsonFallback;
    /** Default of {@link #maxNamespacesPerConnection(int)}: far above what an application uses, low enough that one connection cannot make thousands of namespaces. */
    public static final int DEFAULT_MAX_NAMESPACES_PER_CONNECTION = 100;
    private volatile int maxNamespacesPerConnection = DEFAULT_MAX_NAMESPACES_PER_CONNECTION;

    /** A namespace pattern and how to make handlers for each concrete namespace it matches. */
    private record DynamicNamespace(java.util.regex.Pattern pattern, java.util.function.Function<String, NamespaceHandlers> factory) {
    }
    private volatile EngineServer engine;
    private volatile dev.socketee.impl.metrics.ServerMetrics metrics = dev.socketee.impl.metrics.ServerMetrics.NONE;
    private volatile dev.socketee.adapter.AdapterFactory adapterFactory = dev.socketee.adapter.InMemoryAdapter::new;
    /** Null unless someone watches (the Admin UI while an admin is connected): the hot paths then pay one volatile read. */
    private volatile SioObserver observer;

    public SioServer(EngineIoOptions engineOptions, Duration connectTimeout) {
        this(engineOptions, connectTimeout, 100);
    }

    public SioServer(EngineIoOptions engineOptions, Duration connectTimeout, int maxAttachments) {
        this.engineOptions = engineOptions;
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.maxAttachments = maxAttachments;
    }

    /** Declares a namespace with its handlers. */
    public Namespace namespace(String name, NamespaceHandlers handlers) {
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("Namespace names start with '/': " + name);
        }
        Namespace n = new Namespace(name, handlers, this, false);
        if (namespaces.putIfAbsent(name, n) != null) {
            throw new IllegalStateException("Namespace declared twice: " + name);
        }
        return n;
    }

    /**
     * Declares a dynamic namespace (node's {@code io.of(/^\/room-\d+$/)}): each concrete name that
     * matches becomes a namespace on its first connection, with handlers from {@code factory}.
     */
    public void namespacePattern(java.util.regex.Pattern pattern, java.util.function.Function<String, NamespaceHandlers> factory) {
        dynamic.add(new DynamicNamespace(pattern, factory));
    }

    /** The namespace of that name if it exists now (a dynamic one only while a socket is on it), or null. */
    public Namespace namespace(String name) {
        return namespaces.get(name);
    }

    /**
     * For emits and room queries from the application: the namespace of that name, or for a name
     * a pattern matches but no socket is on now, an empty stand-in that is not kept (it reaches
     * nobody, and nothing grows); null when no namespace has that name.
     */
    public Namespace namespaceOrEmpty(String name) {
        Namespace n = namespaces.get(name);
        if (n != null) {
            return n;
        }
        for (DynamicNamespace d : dynamic) {
            if (d.pattern().matcher(name).matches()) {
                return Namespace.standIn(name, this);
            }
        }
        return null;
    }

    /**
     * The namespace a connecting socket joins, with its place held (a dynamic one is created now
     * when a pattern matches, and cannot be removed until that socket is {@link #release}d), or
     * null when no namespace has that name. Holding the place and removing an empty namespace are
     * both decided in the map's atomic update of that name, so a socket connecting while the last
     * one leaves lands in a live namespace, either the old one or a new one.
     */
    Namespace reserve(String name) {
        Namespace existing = namespaces.get(name);
        if (existing != null && !existing.isDynamic()) {
            return existing;
        }
        while (true) {
            Namespace candidate = existing == null ? createDynamic(name) : null; // user factory outside the map's lock
            if (existing == null && candidate == null) {
                return null;
            }
            Namespace held = namespaces.compute(name, (k, current) -> {
                Namespace n = current != null ? current : candidate;
                if (n != null && n.isDynamic()) {
                    n.occupy();
                }
                return n;
            });
            if (held != null) {
                if (held == candidate) {
                    DebugLog.SIO.event(null, "dynamic namespace created:", name);
                }
                return held;
            }
            existing = namespaces.get(name); // it was removed between the two looks: once more
        }
    }

    /** A socket of a dynamic namespace is gone: the namespace goes too when it was the last, and its adapter with it. */
    void release(Namespace namespace) {
        boolean[] removed = {false};
        namespaces.computeIfPresent(namespace.name(), (k, current) -> {
            if (current != namespace || namespace.vacate() > 0) {
                return current;
            }
            removed[0] = true;
            return null;
        });
        if (removed[0]) {
            DebugLog.SIO.event(null, "dynamic namespace removed, its last socket left:", namespace.name());
            namespace.closeAdapter();
        }
    }

    /**
     * Where each namespace's adapter comes from (default: in memory, this node only). Set before
     * the first socket connects; a namespace makes its adapter on first use.
     */
    public SioServer adapterFactory(dev.socketee.adapter.AdapterFactory factory) {
        this.adapterFactory = java.util.Objects.requireNonNull(factory);
        return this;
    }

    public dev.socketee.adapter.AdapterFactory adapterFactory() {
        return adapterFactory;
    }

    /** Closes every namespace's adapter, then the factory (after the engine closed its sessions). */
    public void close() {
        for (Namespace n : namespaces.values()) {
            n.closeAdapter();
        }
        try {
            adapterFactory.close();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(SioServer.class.getName()).log(java.util.logging.Level.WARNING, "Adapter factory failed to close", e);
        }
    }

    private Namespace createDynamic(String name) {
        for (DynamicNamespace d : dynamic) {
            if (d.pattern().matcher(name).matches()) {
                return new Namespace(name, d.factory().apply(name), this, true);
            }
        }
        return null;
    }

    private volatile dev.socketee.adapter.RecoveryOptions recovery;

    /**
     * Turns connection state recovery on (null: off, the default, as in node). Set before the
     * first socket connects: each namespace's adapter reads it when it is made.
     */
    public SioServer recovery(dev.socketee.adapter.RecoveryOptions options) {
        this.recovery = options;
        return this;
    }

    /** Connection state recovery, or null when off. */
    public dev.socketee.adapter.RecoveryOptions recovery() {
        return recovery;
    }

    /** Installs (or with null removes) the one observer of every namespace's sockets, rooms and events. */
    public void observer(SioObserver o) {
        this.observer = o;
    }

    /** The observer, or null when nobody watches. */
    public SioObserver observer() {
        return observer;
    }

    /** Where the engine and the namespaces report what they do (nothing by default); set before {@link #start}. */
    public SioServer metrics(dev.socketee.impl.metrics.ServerMetrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics);
        return this;
    }

    public dev.socketee.impl.metrics.ServerMetrics metrics() {
        return metrics;
    }

    /** How many namespaces one connection may be on (or connecting to) at once. */
    public SioServer maxNamespacesPerConnection(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxNamespacesPerConnection must be at least 1: " + max);
        }
        this.maxNamespacesPerConnection = max;
        return this;
    }

    int maxNamespacesPerConnection() {
        return maxNamespacesPerConnection;
    }

    /** Every namespace that exists now. */
    public java.util.Collection<Namespace> namespaces() {
        return namespaces.values();
    }

    /** Writes types the built-in JSON writer does not know (records, POJOs), e.g. with JSON-B. */
    public void jsonFallback(dev.socketee.impl.json.JsonFallback fallback) {
        this.jsonFallback = fallback;
    }

    public dev.socketee.impl.json.JsonFallback jsonFallback() {
        return jsonFallback;
    }

    /** Serves Socket.IO in this web application at the engine path. */
    public void attach(ServletContext context) {
        EngineRegistration.register(context, start());
    }

    /** Starts the engine without registering it (the caller routes requests to it), on threads of its own. */
    public EngineServer start() {
        return start(new EngineServer(engineOptions, this));
    }

    /** Starts the engine on given threads (see {@link EngineThreads}), which the caller closes. */
    public EngineServer start(EngineThreads threads) {
        return start(new EngineServer(engineOptions, this, threads, false));
    }

    private EngineServer start(EngineServer e) {
        e.metrics(metrics);
        this.engine = e;
        return e;
    }

    public EngineServer engine() {
        return engine;
    }

    public Scheduler timer() {
        return engine.timer();
    }

    /** Where timer-started work that reaches user code runs (connect-timeout closes, ack timeouts). */
    java.util.concurrent.Executor callbacks() {
        return engine.callbacks();
    }

    String enginePath() {
        return engineOptions.path();
    }

    long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    int maxAttachments() {
        return maxAttachments;
    }

    @Override
    public void onOpen(EngineConnection connection) {
        Client c = new Client(this, (EngineSession) connection);
        connection.attachment(c);
        SioObserver o = observer;
        if (o != null) {
            o.connectionOpened(c);
        }
        c.connectImplicitly(); // Engine.IO v3 clients only
    }

    @Override
    public void onMessage(EngineConnection connection, String text) {
        SioObserver o = observer;
        if (o != null) {
            o.messageIn(text.length());
        }
        ((Client) connection.attachment()).onText(text);
    }

    @Override
    public void onBinary(EngineConnection connection, byte[] data) {
        SioObserver o = observer;
        if (o != null) {
            o.messageIn(data.length);
        }
        ((Client) connection.attachment()).onBinary(data);
    }

    @Override
    public void onClose(EngineConnection connection, String reason) {
        Client c = (Client) connection.attachment();
        if (c != null) {
            c.onEngineClose(reason);
            SioObserver o = observer;
            if (o != null) {
                o.connectionClosed(c, reason);
            }
        }
    }
}
