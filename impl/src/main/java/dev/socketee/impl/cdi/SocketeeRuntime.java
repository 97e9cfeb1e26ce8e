package dev.socketee.impl.cdi;

import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineThreads;
import dev.socketee.impl.sio.SioServer;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The running server of a web application: the protocol core configured from the handlers the
 * extension found, the JSON binder, the executor for {@code @ObservesAsync} handlers (the
 * server's default managed executor when there is one, else a small bounded pool of ours), and
 * the engine's threads ({@link EngineThreads}).
 *
 * <p>Timer-started work that reaches handlers (disconnect handlers after a ping timeout, ack
 * timeouts, connect-timeout closes) runs on a small pool of ours whose threads come from the
 * container's {@code java:comp/DefaultManagedThreadFactory}, all started here on the deploying
 * thread: they carry the application's context ({@code java:comp}, class loader) whether the
 * server captures it at lookup (the spec) or at {@code newThread} (GlassFish, WildFly). Not the
 * managed executor: it captures the context of the submitting thread, which for a timer is a
 * thread without one, and Payara's capture costs a class-path scan per task. Without a managed
 * thread factory (the embedded Jetty + Weld) they are plain daemon threads. The CDI request
 * context is activated per handler call by {@link HandlerInvoker} on any thread.
 */
public final class SocketeeRuntime {

    private static final Logger LOG = Logger.getLogger(SocketeeRuntime.class.getName());
    private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    private static final String MANAGED_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    /** The runtime started last in this class loader (one web application), for the in-process test client. */
    private static volatile SocketeeRuntime current;

    private final SioServer server;
    private final EngineServer engine;
    private final ArgumentBinder binder;
    private final ExecutorService ownExecutor;
    private final HandlerInvoker invoker;
    private final EngineThreads threads;
    /** Modules that add to the server (the Admin UI), found with ServiceLoader; set once started. */
    private dev.socketee.impl.sio.SioServerPlugins plugins;
    private final OperationsSetup operations;

    private SocketeeRuntime(SioServer server, EngineServer engine, ArgumentBinder binder, ExecutorService ownExecutor,
                            HandlerInvoker invoker, EngineThreads threads, OperationsSetup operations) {
        this.server = server;
        this.engine = engine;
        this.binder = binder;
        this.ownExecutor = ownExecutor;
        this.invoker = invoker;
        this.threads = threads;
        this.operations = operations;
    }

    static SocketeeRuntime start(SocketeeConfig config, HandlerRegistry registry, BeanManager beanManager) {
        return start(config, registry, java.util.Set.of(), beanManager);
    }

    static SocketeeRuntime start(SocketeeConfig config, HandlerRegistry registry, java.util.Set<String> serverEventNamespaces,
                                 BeanManager beanManager) {
        ArgumentBinder binder = new ArgumentBinder(beanManager);
        SioServer server = new SioServer(config.engine(), config.connectTimeout());
        server.adapterFactory(AdapterSelection.choose(beanManager, config.adapter(), config.raw()));
        OperationsSetup operations = OperationsSetup.before(server, config, beanManager);
        server.jsonFallback(binder.fallback());
        server.maxNamespacesPerConnection(config.maxNamespacesPerConnection());
        server.recovery(config.recovery());
        Executor managed = lookUpManagedExecutor();
        ExecutorService own = managed == null ? boundedPool(config.asyncThreads()) : null;
        HandlerInvoker invoker = new HandlerInvoker(beanManager, managed != null ? managed : own, // the same per-socket bound on either
                config.asyncInFlightPerConnection(), config.asyncQueuePerConnection());
        ServerEventDispatcher serverEvents = new ServerEventDispatcher(beanManager, binder);
        Middlewares middlewares = Middlewares.find(beanManager, binder);
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (String ns : registry.namespaces()) {
            declared.add(ns);
            if (ns.startsWith("^")) {
                server.namespacePattern(Pattern.compile(ns), name -> middlewares.install(
                        CdiNamespaceHandlers.build(ns, registry, invoker, binder).onServerEvent(serverEvents), name));
            } else {
                server.namespace(ns, middlewares.install(CdiNamespaceHandlers.build(ns, registry, invoker, binder).onServerEvent(serverEvents), ns));
            }
        }
        for (String ns : serverEventNamespaces) { // a namespace only other nodes talk to still needs its adapter here
            if (declared.add(ns)) {
                server.namespace(ns, new dev.socketee.impl.sio.NamespaceHandlers().onServerEvent(serverEvents));
            }
        }
        for (dev.socketee.impl.sio.Namespace n : server.namespaces()) {
            n.adapter(); // subscribe now: a cluster adapter must hear broadcasts before the first local socket arrives
        }
        EngineThreads threads = EngineThreads.standalone("socketee" + config.engine().path(), lookUp(MANAGED_THREAD_FACTORY, ThreadFactory.class));
        EngineServer engine = server.start(threads);
        operations.after(engine);
        dev.socketee.impl.sio.SioServerPlugins plugins = dev.socketee.impl.sio.SioServerPlugins.install(server, config.raw());
        LOG.info(() -> "Socket.IO serving " + String.join(", ", registry.namespaces()) + " at " + config.engine().path());
        SocketeeRuntime runtime = new SocketeeRuntime(server, engine, binder, own, invoker, threads, operations);
        runtime.plugins = plugins;
        current = runtime;
        return runtime;
    }

    /** The container's resource of that name and type, or null (none, or no naming at all). */
    private static <T> T lookUp(String name, Class<T> type) {
        try {
            Object o = new InitialContext().lookup(name);
            return type.isInstance(o) ? type.cast(o) : null;
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            return null;
        }
    }

    private static Executor lookUpManagedExecutor() {
        try {
            Object o = new InitialContext().lookup(MANAGED_EXECUTOR);
            return o instanceof Executor e ? e : null;
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            return null;
        }
    }

    /** Bounded on both sides: a flood of async events is refused (and logged), never queued without end. */
    private static ExecutorService boundedPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "socketee-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    SioServer server() {
        return server;
    }

    EngineServer engine() {
        return engine;
    }

    ArgumentBinder binder() {
        return binder;
    }

    /** The running runtime of this class loader, or null. */
    public static SocketeeRuntime current() {
        return current;
    }

    public SioServer sioServer() {
        return server;
    }

    public EngineServer engineServer() {
        return engine;
    }

    /** Readiness and liveness of this server. */
    public dev.socketee.impl.health.SocketeeHealth health() {
        return operations.health();
    }

    /** The meters of this server, or null when metrics are off (no registry, {@code socketee.metrics} not on). */
    public dev.socketee.impl.metrics.SocketeeMeters meters() {
        return operations.meters();
    }

    /** Writes records and POJOs the way handlers' emits do (JSON-B). */
    public dev.socketee.impl.json.JsonFallback jsonFallback() {
        return binder.fallback();
    }

    void stop() {
        if (current == this) {
            current = null;
        }
        plugins.close(); // their timers and namespaces first, while the engine still runs
        operations.stop();
        engine.close();
        server.close(); // adapters and their broker connections, after the sessions are gone
        threads.close();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
        invoker.close();
    }
}
