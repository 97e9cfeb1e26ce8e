package dev.socketee.impl.cdi;

import dev.socketee.ConnectionRefusedException;
import dev.socketee.OnSocketEvent;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioSocket;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the protocol core's {@link NamespaceHandlers} of one namespace from its observers:
 * connect (may refuse), named events, catch-all, disconnecting, disconnect, errors.
 */
final class CdiNamespaceHandlers {

    private static final Logger LOG = Logger.getLogger(CdiNamespaceHandlers.class.getName());

    private CdiNamespaceHandlers() {
    }

    static NamespaceHandlers build(String namespaceKey, HandlerRegistry registry, HandlerInvoker invoker, ArgumentBinder binder) {
        Map<String, List<HandlerSite>> events = registry.events(namespaceKey);
        List<HandlerSite> errors = registry.errorHandlers(namespaceKey);
        NamespaceHandlers h = new NamespaceHandlers();
        ErrorRouter router = new ErrorRouter(errors, invoker);

        List<HandlerSite> connect = events.get(OnSocketEvent.CONNECT);
        if (connect != null) {
            h.onConnect((socket, auth) -> {
                SocketEventImpl e = new SocketEventImpl(SocketFacade.of(socket, binder), OnSocketEvent.CONNECT,
                        List.of(), null, auth, null, null, binder);
                try {
                    invoker.invoke(connect, e, router::onAsyncFailure);
                } catch (ConnectionRefusedException refused) {
                    throw refused;
                } catch (Exception other) {
                    router.onFailure(e, other);
                    throw new ConnectionRefusedException("Server error");
                }
            });
        }
        lifecycle(h, events.get(OnSocketEvent.DISCONNECTING), OnSocketEvent.DISCONNECTING, invoker, binder, router, true);
        lifecycle(h, events.get(OnSocketEvent.DISCONNECT), OnSocketEvent.DISCONNECT, invoker, binder, router, false);
        events.forEach((event, observers) -> {
            if (event.equals(OnSocketEvent.ANY)) {
                h.onAny((socket, name, args, ack) -> dispatch(socket, name, args, ack, observers, invoker, binder, router));
            } else if (!isLifecycle(event)) {
                h.on(event, (socket, name, args, ack) -> dispatch(socket, name, args, ack, observers, invoker, binder, router));
            }
        });
        h.onError((socket, event, error) -> router.onFailure(
                new SocketEventImpl(SocketFacade.of(socket, binder), event, List.of(), null, null, null, null, binder), error));
        return h;
    }

    private static boolean isLifecycle(String event) {
        return event.equals(OnSocketEvent.CONNECT) || event.equals(OnSocketEvent.DISCONNECT)
                || event.equals(OnSocketEvent.DISCONNECTING) || event.equals(OnSocketEvent.ERROR);
    }

    private static void dispatch(SioSocket socket, String name, List<Object> args, dev.socketee.impl.sio.Ack ack,
                                 List<HandlerSite> observers, HandlerInvoker invoker,
                                 ArgumentBinder binder, ErrorRouter router) throws Exception {
        SocketEventImpl e = new SocketEventImpl(SocketFacade.of(socket, binder), name, args, ack, null, null, null, binder);
        try {
            invoker.invoke(observers, e, router::onAsyncFailure);
        } catch (Exception failure) {
            router.onFailure(e, failure);
        }
    }

    private static void lifecycle(NamespaceHandlers h, List<HandlerSite> observers, String name,
                                  HandlerInvoker invoker, ArgumentBinder binder, ErrorRouter router, boolean disconnecting) {
        if (observers == null) {
            return;
        }
        java.util.function.BiConsumer<SioSocket, String> c = (socket, reason) -> {
            SocketEventImpl e = new SocketEventImpl(SocketFacade.of(socket, binder), name, List.of(), null, null, reason, null, binder);
            try {
                invoker.invoke(observers, e, router::onAsyncFailure);
            } catch (Exception failure) {
                router.onFailure(e, failure);
            }
        };
        if (disconnecting) {
            h.onDisconnecting(c);
        } else {
            h.onDisconnect(c);
        }
    }

    /** Hands a handler's exception to the error handlers, or logs it once; never rethrows. */
    private record ErrorRouter(List<HandlerSite> errorHandlers, HandlerInvoker invoker) {

        void onAsyncFailure(SocketEventImpl e, Throwable t) {
            onFailure(e, t);
        }

        void onFailure(SocketEventImpl e, Throwable t) {
            Throwable cause = t instanceof Exception ex ? HandlerInvoker.unwrap(ex) : t;
            if (errorHandlers.isEmpty()) {
                LOG.log(Level.WARNING, "Handler of '" + e.name() + "' for " + e.socket() + " failed", cause);
                return;
            }
            try {
                invoker.invoke(errorHandlers, e.withError(cause), (ev, again) ->
                        LOG.log(Level.WARNING, "Async error handler failed", again));
            } catch (Exception again) {
                LOG.log(Level.WARNING, "Error handler failed while handling " + cause, again);
            }
        }
    }
}
