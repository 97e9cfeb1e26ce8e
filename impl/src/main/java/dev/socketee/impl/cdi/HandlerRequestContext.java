package dev.socketee.impl.cdi;

import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CDI request context of one handler call on a thread where no other request context is
 * active (a websocket thread, the async pool): what the container's {@code RequestContextController}
 * gives, one set of {@code @RequestScoped} instances per call, destroyed ({@code @PreDestroy}) when
 * the call ends, without its cost per call (in Weld two context lookups, three lifecycle events
 * with a {@code toString()} payload each, a thread-local bean store set up and torn down: 15% of
 * an echo's server CPU on the embedded runner).
 *
 * <p>CDI allows several contexts for one scope as long as at most one is active on a thread:
 * {@link SocketeeExtension} registers this one for {@code @RequestScoped}, and it is active only
 * between {@link #enter} and {@link #leave}, entered only when no other request context is active.
 * It fires no {@code @Initialized}/{@code @BeforeDestroyed}/{@code @Destroyed(RequestScoped.class)}
 * events, so {@link HandlerInvoker} uses it only when nothing observes them ({@link #unobserved},
 * decided once at start); otherwise the container's controller, as before.
 */
final class HandlerRequestContext implements AlterableContext {

    private static final Logger LOG = Logger.getLogger(HandlerRequestContext.class.getName());

    /** The instances of the call running on this thread; null when this context is not active (no value kept between calls). */
    private final ThreadLocal<Call> current = new ThreadLocal<>();

    /** The request-scoped instances of one handler call, in creation order. */
    static final class Call {
        private final List<Entry<?>> instances = new ArrayList<>(2);
    }

    private record Entry<T>(Contextual<T> contextual, T instance, CreationalContext<T> creational) {
        void destroy() {
            contextual.destroy(instance, creational);
        }
    }

    /**
     * True if nothing observes the request context's lifecycle events as the container's controller
     * fires them (a {@code String} payload), so skipping them changes nothing an application sees.
     * Only after deployment validation (the container resolves observers then).
     */
    static boolean unobserved(jakarta.enterprise.inject.spi.BeanManager beanManager) {
        for (Annotation q : List.of(Initialized.Literal.REQUEST, BeforeDestroyed.Literal.REQUEST, Destroyed.Literal.REQUEST)) {
            if (!beanManager.resolveObserverMethods("", q).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Activates this context for one call on this thread, or returns null if a request context is
     * already active here (a polling request's, an enclosing handler's): the call uses that one, as
     * the controller would.
     */
    Call enter(RequestContextCheck check) {
        if (check.requestContextActive()) {
            return null;
        }
        Call call = new Call();
        current.set(call);
        return call;
    }

    /** Deactivates it and destroys the call's instances, newest first (as the container destroys a request's). */
    void leave(Call call) {
        current.set(null); // set(null), not remove(): the thread's slot is reused by the next call
        List<Entry<?>> instances = call.instances;
        for (int i = instances.size() - 1; i >= 0; i--) {
            destroyQuietly(instances.get(i));
        }
        instances.clear();
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return RequestScoped.class;
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        Call call = active();
        T existing = find(call, contextual);
        if (existing != null || creationalContext == null) {
            return existing;
        }
        T instance = contextual.create(creationalContext);
        if (instance != null) {
            call.instances.add(new Entry<>(contextual, instance, creationalContext));
        }
        return instance;
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return find(active(), contextual);
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        List<Entry<?>> instances = active().instances;
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).contextual().equals(contextual)) {
                destroyQuietly(instances.remove(i));
                return;
            }
        }
    }

    private Call active() {
        Call call = current.get();
        if (call == null) {
            throw new ContextNotActiveException("No Socket.IO handler call on this thread: its request context is not active");
        }
        return call;
    }

    @SuppressWarnings("unchecked")
    private static <T> T find(Call call, Contextual<T> contextual) {
        for (Entry<?> e : call.instances) {
            if (e.contextual().equals(contextual)) {
                return (T) e.instance();
            }
        }
        return null;
    }

    private static void destroyQuietly(Entry<?> e) {
        try {
            e.destroy();
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Destroying a request-scoped instance of " + e.contextual() + " failed", ex);
        }
    }
}
