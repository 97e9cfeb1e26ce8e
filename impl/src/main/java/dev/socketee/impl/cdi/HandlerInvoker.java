package dev.socketee.impl.cdi;

import dev.socketee.SocketEvent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.reflect.InvocationTargetException;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls the observers of one event with the CDI request context active, so {@code @RequestScoped}
 * beans work in handlers. Synchronous observers run in order on the calling thread;
 * {@code @ObservesAsync} ones run on the async executor, at most a few per connection at once (see
 * {@link AsyncLane}), and send their ack when they finish.
 *
 * <p>The {@link RequestContextController}s are reused: creating one per event costs a bean
 * resolution and three observer resolutions in Weld (a quarter of the server's CPU per echo on
 * the embedded server). Idle controllers wait in a pool, each used by one thread at a time
 * (activate and deactivate on the same thread), so the pool holds at most as many as events ever
 * ran at once.
 */
final class HandlerInvoker {

    private static final Logger LOG = Logger.getLogger(HandlerInvoker.class.getName());
    /** A client can provoke these at will: throttled. */
    private static final dev.socketee.impl.engine.ThrottledLog BUSY = new dev.socketee.impl.engine.ThrottledLog(LOG, Level.WARNING);
    /** The ack arguments of an async event that could not be run: {@code [{"message":"server busy"}]}. */
    static final List<Object> SERVER_BUSY = List.of(Map.of("message", "server busy"));

    private final Instance<RequestContextController> requestContexts;
    private final Executor asyncExecutor;
    private final int maxInFlight;
    private final int maxQueued;
    private final BeanManager beanManager;
    private final Map<ObserverMethod<?>, Method> methods;
    private final Map<ObserverMethod<?>, Call> calls = new ConcurrentHashMap<>();
    private final java.util.Queue<RequestContextController> idleControllers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** One way of calling one observer, decided once. */
    @FunctionalInterface
    private interface Call {
        void call(SocketEvent e) throws Throwable;
    }

    HandlerInvoker(BeanManager beanManager, Executor asyncExecutor, int maxInFlight, int maxQueued,
                   Map<ObserverMethod<?>, Method> methods) {
        this.requestContexts = beanManager.createInstance().select(RequestContextController.class);
        this.asyncExecutor = asyncExecutor;
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.beanManager = beanManager;
        this.methods = methods;
    }

    /**
     * A direct call through a method handle bound to the bean's client proxy when that is
     * equivalent to the container's notification (a normal-scoped bean, the event as the only
     * parameter, not conditional, not private); otherwise the container's {@code notify}.
     */
    private Call resolve(ObserverMethod<? super SocketEvent> observer) {
        Method m = methods.get(observer);
        Bean<?> bean = observer.getDeclaringBean();
        if (m == null || bean == null || observer.isAsync() || observer.getReception() != Reception.ALWAYS
                || m.getParameterCount() != 1 || Modifier.isPrivate(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                || !beanManager.isNormalScope(bean.getScope())) {
            return observer::notify;
        }
        try {
            Object proxy = beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
            MethodHandle handle = MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup())
                    .unreflect(m).bindTo(proxy).asType(MethodType.methodType(void.class, SocketEvent.class));
            return handle::invokeExact;
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "No direct call for " + m + "; using the container's notification", e);
            return observer::notify;
        }
    }

    /** Runs every observer; the first failure of a synchronous one is thrown (unwrapped). */
    void invoke(List<ObserverMethod<? super SocketEvent>> observers, SocketEventImpl event,
                BiConsumer<SocketEventImpl, Throwable> asyncFailure) throws Exception {
        for (ObserverMethod<? super SocketEvent> observer : observers) {
            if (observer.isAsync()) {
                event.deferAck();
                submit(observer, event, asyncFailure);
            } else {
                inRequestContext(observer, event);
            }
        }
    }

    /**
     * Through the connection's {@link AsyncLane}: one client gets at most its share of the
     * executor, however many namespaces it opens.
     * An event that cannot be run is answered with {@link #SERVER_BUSY} if the client asked for an
     * ack, and logged (throttled) either way; never dropped silently.
     */
    private void submit(ObserverMethod<? super SocketEvent> observer, SocketEventImpl event,
                        BiConsumer<SocketEventImpl, Throwable> asyncFailure) {
        AsyncLane lane = event.facade().sioSocket().client() // per connection: its namespaces share one lane
                .extension(AsyncLane.class, () -> new AsyncLane(asyncExecutor, maxInFlight, maxQueued));
        lane.submit(() -> {
            try {
                inRequestContext(observer, event);
                event.completeDeferredAck();
            } catch (Exception e) {
                asyncFailure.accept(event, e);
            }
        }, () -> reject(event));
    }

    private static void reject(SocketEventImpl event) {
        boolean acked = event.hasAck();
        if (acked) {
            event.failDeferredAck(SERVER_BUSY);
        }
        BUSY.log(() -> "Async handlers busy for " + event.socket() + " (its queue or the executor is full); event '"
                + event.name() + "' " + (acked ? "answered with a server-busy ack" : "dropped"));
    }

    private void inRequestContext(ObserverMethod<? super SocketEvent> observer, SocketEvent event) throws Exception {
        Call call = calls.computeIfAbsent(observer, o -> resolve(observer));
        RequestContextController rc = idleControllers.poll();
        if (rc == null) {
            rc = requestContexts.get();
        }
        boolean activated;
        try {
            activated = rc.activate();
        } catch (RuntimeException e) {
            requestContexts.destroy(rc);
            throw e;
        }
        boolean reusable = true;
        try {
            call.call(event);
        } catch (RuntimeException e) {
            throw unwrap(e);
        } catch (Exception e) {
            throw e;
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            if (activated) {
                try {
                    rc.deactivate();
                } catch (RuntimeException e) {
                    reusable = false;
                    LOG.log(Level.FINE, "Request context deactivation failed", e);
                }
            }
            if (reusable) {
                idleControllers.offer(rc);
            } else {
                requestContexts.destroy(rc);
            }
        }
    }

    /** Releases the pooled request context controllers (the application stops). */
    void close() {
        RequestContextController rc;
        while ((rc = idleControllers.poll()) != null) {
            try {
                requestContexts.destroy(rc);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Releasing a request context controller failed", e);
            }
        }
    }

    /** Containers wrap what an observer throws; handlers and error handlers want the original. */
    static Exception unwrap(Exception e) {
        Throwable t = e;
        while ((t instanceof ObserverException || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Exception ex) {
            return ex;
        }
        return e;
    }
}
