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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls the handlers of one event with the CDI request context active, so {@code @RequestScoped}
 * beans work in handlers (and the current {@code Socket}, {@code Handshake}, {@code SocketEvent}
 * are injectable, see {@link CurrentEvent}). Synchronous handlers run in order on the calling
 * thread; {@code @ObservesAsync} ones run on the async executor, at most a few per connection at
 * once (see {@link AsyncLane}).
 *
 * <p>Acks follow the handler's {@link HandlerPlan.AckRule}, the same on both paths: a handler
 * holding the ack answers it itself, whenever; every other handler is answered when it completes,
 * with its return value (a {@code CompletionStage}'s when it completes), or no arguments for
 * {@code void}/null. If such a handler fails (throws, or its stage fails) the ack is
 * {@link #SERVER_ERROR} and the error handlers get the exception; an async event that cannot be
 * run at all is answered {@link #SERVER_BUSY}.
 *
 * <p>The request context is {@link HandlerRequestContext} when nothing observes the request
 * context's lifecycle events (decided once, at start): one set of request-scoped instances per
 * call at the cost of a context check. Otherwise the container's controller, and then
 * the {@link RequestContextController}s are reused: creating one per event costs a bean
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
    /** The ack arguments when a handler answered by Socketee failed: {@code [{"message":"server error"}]}. */
    static final List<Object> SERVER_ERROR = List.of(Map.of("message", "server error"));

    private final Instance<RequestContextController> requestContexts;
    private final Executor asyncExecutor;
    private final int maxInFlight;
    private final int maxQueued;
    private final BeanManager beanManager;
    private final Map<Object, Call> calls = new ConcurrentHashMap<>();
    private final java.util.Queue<RequestContextController> idleControllers = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Socketee's own request context for handler calls, or null: the container's controller (see {@link HandlerRequestContext}). */
    private final HandlerRequestContext handlerContext;
    private final RequestContextCheck contextCheck;

    /** One way of calling one handler, decided once; returns the method's return value (null for void). */
    @FunctionalInterface
    private interface Call {
        Object call(SocketEventImpl e) throws Throwable;
    }

    HandlerInvoker(BeanManager beanManager, Executor asyncExecutor, int maxInFlight, int maxQueued) {
        this.requestContexts = beanManager.createInstance().select(RequestContextController.class);
        this.asyncExecutor = asyncExecutor;
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.beanManager = beanManager;
        this.contextCheck = RequestContextCheck.of(beanManager);
        this.handlerContext = contextCheck != null && HandlerRequestContext.unobserved(beanManager) ? registeredContext(beanManager) : null;
        LOG.config(() -> "Handler calls run in " + (handlerContext != null ? "Socketee's own request context"
                : contextCheck == null ? "the container's request context controller (the bean manager has no isContextActive)"
                : "the container's request context controller (the request context's lifecycle events are observed)"));
    }

    /** The context {@link SocketeeExtension} registered, or null if it is not this deployment's extension. */
    private static HandlerRequestContext registeredContext(BeanManager beanManager) {
        try {
            return beanManager.getExtension(SocketeeExtension.class).handlerContext();
        } catch (IllegalArgumentException notRegistered) {
            return null;
        }
    }

    /** Whether handler calls use Socketee's own request context (for tests and diagnostics). */
    boolean usesOwnRequestContext() {
        return handlerContext != null;
    }

    private Call resolve(HandlerSite site) {
        return site.plan().planned() ? planned(site) : containerObserver(site);
    }

    /**
     * A {@code void} {@code SocketEvent} observer: a direct call through a method handle bound to
     * the bean's client proxy when that is equivalent to the container's notification (a
     * normal-scoped bean, the event as the only parameter, not conditional, not private);
     * otherwise the container's {@code notify}.
     */
    @SuppressWarnings("unchecked")
    private Call containerObserver(HandlerSite site) {
        ObserverMethod<SocketEvent> observer = (ObserverMethod<SocketEvent>) site.observer();
        Call notify = e -> {
            observer.notify(e);
            return null;
        };
        Method m = site.method();
        Bean<?> bean = observer.getDeclaringBean();
        if (m == null || bean == null || observer.isAsync() || observer.getReception() != Reception.ALWAYS
                || m.getParameterCount() != 1 || Modifier.isPrivate(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                || !beanManager.isNormalScope(bean.getScope())) {
            return notify;
        }
        try {
            Object proxy = beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
            MethodHandle handle = MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup())
                    .unreflect(m).bindTo(proxy).asType(MethodType.methodType(void.class, SocketEvent.class));
            return e -> {
                handle.invokeExact((SocketEvent) e);
                return null;
            };
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "No direct call for " + m + "; using the container's notification", e);
            return notify;
        }
    }

    /**
     * A planned handler (payload-typed, or with a return value; no observer for the container): the
     * method handle spread over the plan's arguments, on the bean's client proxy (normal scopes,
     * so interceptors and the contextual instance apply), on a new instance destroyed after the
     * call ({@code @Dependent}, as the container does for observers), or static.
     */
    private Call planned(HandlerSite site) {
        Method m = site.method();
        HandlerPlan.Arg[] plan = site.plan().arguments();
        int n = m.getParameterCount();
        MethodHandle handle;
        try {
            handle = MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup()).unreflect(m);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + site.location() + ": " + e.getMessage(), e);
        }
        MethodType spread = MethodType.methodType(Object.class, Object[].class);
        if (Modifier.isStatic(m.getModifiers())) {
            MethodHandle h = handle.asSpreader(Object[].class, n).asType(spread);
            return e -> (Object) h.invokeExact(arguments(plan, e));
        }
        Bean<?> bean = site.bean();
        if (beanManager.isNormalScope(bean.getScope())) {
            Object proxy = beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
            MethodHandle h = handle.bindTo(proxy).asSpreader(Object[].class, n).asType(spread);
            return e -> (Object) h.invokeExact(arguments(plan, e));
        }
        MethodHandle h = handle.asSpreader(Object[].class, n)
                .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
        return e -> {
            jakarta.enterprise.context.spi.CreationalContext<?> cc = beanManager.createCreationalContext(bean);
            try {
                Object instance = beanManager.getReference(bean, bean.getBeanClass(), cc);
                return (Object) h.invokeExact(instance, arguments(plan, e));
            } finally {
                cc.release();
            }
        };
    }

    /** The call's arguments; if one cannot be bound the method never runs, so its ack is answered as a failure whoever holds it. */
    private static Object[] arguments(HandlerPlan.Arg[] plan, SocketEventImpl e) {
        Object[] args = new Object[plan.length];
        try {
            for (int i = 0; i < args.length; i++) {
                args[i] = plan[i].get(e);
            }
        } catch (RuntimeException unbound) {
            e.handlerNotRun();
            throw unbound;
        }
        return args;
    }

    /**
     * Runs every handler; the first failure of a synchronous one is thrown (unwrapped), async
     * failures and failed stages go to {@code failure}.
     */
    void invoke(List<HandlerSite> handlers, SocketEventImpl event, BiConsumer<SocketEventImpl, Throwable> failure) throws Exception {
        for (HandlerSite h : handlers) {
            if (h.plan().returnsValue()) {
                event.ackIsReturnedBy(h.location());
            }
            if (h.async()) {
                submit(h, event, failure);
                continue;
            }
            Object result;
            try {
                result = inRequestContext(h, event);
            } catch (Exception e) {
                answerFailure(h, event);
                throw e;
            }
            complete(h, event, result, failure);
        }
    }

    /** Answers the ack of a handler that completed normally, if Socketee answers for it. */
    private static void complete(HandlerSite h, SocketEventImpl event, Object result, BiConsumer<SocketEventImpl, Throwable> failure) {
        if (h.plan().ackRule() != HandlerPlan.AckRule.ON_COMPLETION) {
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, t) -> {
                if (t == null) {
                    event.answer(value);
                } else {
                    event.answerWith(SERVER_ERROR);
                    failure.accept(event, t instanceof CompletionException || t instanceof ExecutionException
                            ? (t.getCause() != null ? t.getCause() : t) : t);
                }
            });
        } else {
            event.answer(result);
        }
    }

    private static void answerFailure(HandlerSite h, SocketEventImpl event) {
        if (h.plan().ackRule() == HandlerPlan.AckRule.ON_COMPLETION || event.wasHandlerNotRun()) {
            event.answerWith(SERVER_ERROR);
        }
    }

    /**
     * Through the connection's {@link AsyncLane}: one client gets at most its share of the
     * executor, however many namespaces it opens.
     * An event that cannot be run is answered with {@link #SERVER_BUSY} if the client asked for an
     * ack, and logged (throttled) either way; never dropped silently.
     */
    private void submit(HandlerSite h, SocketEventImpl event, BiConsumer<SocketEventImpl, Throwable> failure) {
        AsyncLane lane = event.facade().sioSocket().client() // per connection: its namespaces share one lane
                .extension(AsyncLane.class, () -> new AsyncLane(asyncExecutor, maxInFlight, maxQueued));
        lane.submit(() -> {
            Object result;
            try {
                result = inRequestContext(h, event);
            } catch (Exception e) {
                answerFailure(h, event);
                failure.accept(event, e);
                return;
            }
            complete(h, event, result, failure);
        }, () -> reject(event));
    }

    private static void reject(SocketEventImpl event) {
        boolean acked = event.hasAck();
        if (acked) {
            event.answerWith(SERVER_BUSY);
        }
        BUSY.log(() -> "Async handlers busy for " + event.socket() + " (its queue or the executor is full); event '"
                + event.name() + "' " + (acked ? "answered with a server-busy ack" : "dropped"));
    }

    private Object inRequestContext(HandlerSite site, SocketEventImpl event) throws Exception {
        Call call = calls.get(site.key());
        if (call == null) {
            call = calls.computeIfAbsent(site.key(), o -> resolve(site));
        }
        HandlerRequestContext own = handlerContext;
        if (own == null) {
            return inControllerContext(call, event);
        }
        HandlerRequestContext.Call scope = own.enter(contextCheck);
        SocketEventImpl outer = CurrentEvent.enter(event);
        try {
            return run(call, event);
        } finally {
            CurrentEvent.leave(outer);
            if (scope != null) {
                own.leave(scope);
            }
        }
    }

    /** The container's request context controller around the call (something observes the context's lifecycle events). */
    private Object inControllerContext(Call call, SocketEventImpl event) throws Exception {
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
        SocketEventImpl outer = CurrentEvent.enter(event);
        try {
            return run(call, event);
        } finally {
            CurrentEvent.leave(outer);
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

    private static Object run(Call call, SocketEventImpl event) throws Exception {
        try {
            return call.call(event);
        } catch (RuntimeException e) {
            throw unwrap(e);
        } catch (Exception e) {
            throw e;
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
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
