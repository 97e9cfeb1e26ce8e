package dev.socketee.impl.cdi;

import dev.socketee.SocketEvent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls the observers of one event with the CDI request context active, so {@code @RequestScoped}
 * beans work in handlers. Synchronous observers run in order on the calling thread;
 * {@code @ObservesAsync} ones run on the async executor and send their ack when they finish.
 */
final class HandlerInvoker {

    private static final Logger LOG = Logger.getLogger(HandlerInvoker.class.getName());

    private final Instance<RequestContextController> requestContexts;
    private final Executor asyncExecutor;

    HandlerInvoker(BeanManager beanManager, Executor asyncExecutor) {
        this.requestContexts = beanManager.createInstance().select(RequestContextController.class);
        this.asyncExecutor = asyncExecutor;
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

    private void submit(ObserverMethod<? super SocketEvent> observer, SocketEventImpl event,
                        BiConsumer<SocketEventImpl, Throwable> asyncFailure) {
        try {
            asyncExecutor.execute(() -> {
                try {
                    inRequestContext(observer, event);
                    event.completeDeferredAck();
                } catch (Exception e) {
                    asyncFailure.accept(event, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warning("Async handler queue full; event '" + event.name() + "' of " + event.socket() + " dropped");
        }
    }

    private void inRequestContext(ObserverMethod<? super SocketEvent> observer, SocketEvent event) throws Exception {
        RequestContextController rc = requestContexts.get();
        boolean activated = rc.activate();
        try {
            observer.notify(event);
        } catch (RuntimeException e) {
            throw unwrap(e);
        } finally {
            if (activated) {
                try {
                    rc.deactivate();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Request context deactivation failed", e);
                }
            }
            requestContexts.destroy(rc);
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
