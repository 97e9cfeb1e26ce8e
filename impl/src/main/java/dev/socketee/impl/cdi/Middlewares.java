package dev.socketee.impl.cdi;

import dev.socketee.EventRejectedException;
import dev.socketee.Socket;
import dev.socketee.SocketMiddleware;
import dev.socketee.impl.sio.Ack;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioSocket;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's {@link SocketMiddleware} beans, found once at start and ordered by
 * {@code @Priority}, installed on each namespace they apply to: an incoming filter before the
 * handlers, and an outgoing listener only if some bean overrides {@code onOutgoing} (so sends pay
 * nothing otherwise).
 */
final class Middlewares {

    private static final Logger LOG = Logger.getLogger(Middlewares.class.getName());
    private static final int DEFAULT_PRIORITY = 2500; // Interceptor.Priority.APPLICATION + 500, as un-annotated beans sit between

    private final List<SocketMiddleware> all;
    private final ArgumentBinder binder;

    private Middlewares(List<SocketMiddleware> all, ArgumentBinder binder) {
        this.all = all;
        this.binder = binder;
    }

    static Middlewares find(BeanManager beanManager, ArgumentBinder binder) {
        List<Bean<?>> beans = new ArrayList<>(beanManager.getBeans(SocketMiddleware.class));
        beans.sort(Comparator.comparingInt(Middlewares::priority).thenComparing(b -> b.getBeanClass().getName()));
        List<SocketMiddleware> found = new ArrayList<>();
        for (Bean<?> b : beans) {
            found.add((SocketMiddleware) beanManager.getReference(b, SocketMiddleware.class, beanManager.createCreationalContext(b)));
            LOG.fine(() -> "Socket middleware: " + b.getBeanClass().getName() + " (priority " + priority(b) + ")");
        }
        return new Middlewares(List.copyOf(found), binder);
    }

    private static int priority(Bean<?> b) {
        Priority p = b.getBeanClass().getAnnotation(Priority.class);
        return p == null ? DEFAULT_PRIORITY : p.value();
    }

    /** Installs the middleware that applies to {@code namespace} on its handlers. */
    NamespaceHandlers install(NamespaceHandlers handlers, String namespace) {
        List<SocketMiddleware> here = all.stream().filter(m -> m.appliesTo(namespace)).toList();
        if (here.isEmpty()) {
            return handlers;
        }
        handlers.incoming((socket, event, args, ack) -> accept(here, socket, event, args, ack));
        List<SocketMiddleware> listening = here.stream().filter(Middlewares::overridesOutgoing).toList();
        if (!listening.isEmpty()) {
            handlers.outgoing((socket, event, args) -> {
                Socket s = SocketFacade.of(socket, binder);
                for (SocketMiddleware m : listening) {
                    try {
                        m.onOutgoing(s, event, args);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Outgoing middleware " + m.getClass().getName() + " failed on '" + event + "'", e);
                    }
                }
            });
        }
        return handlers;
    }

    private boolean accept(List<SocketMiddleware> here, SioSocket socket, String event, List<Object> args, Ack ack) {
        IncomingEventImpl e = new IncomingEventImpl(SocketFacade.of(socket, binder), event, new ClientArguments(args, binder), ack != null);
        for (SocketMiddleware m : here) {
            try {
                m.onIncoming(e);
            } catch (EventRejectedException rejected) {
                LOG.fine(() -> "Event '" + event + "' of socket " + socket.id() + " rejected by " + m.getClass().getName()
                        + ": " + rejected.getMessage());
                if (ack != null) {
                    ack.send(errorArgument(rejected));
                }
                return false;
            }
            // any other exception stops the event and goes to the namespace's error handler, as a handler's would
        }
        return true;
    }

    private static Map<String, Object> errorArgument(EventRejectedException rejected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", rejected.getMessage());
        if (rejected.data() != null) {
            m.put("data", rejected.data());
        }
        return m;
    }

    /** Whether the bean's class declares its own onOutgoing (looked at once, at start). */
    private static boolean overridesOutgoing(SocketMiddleware m) {
        for (Class<?> c = m.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("onOutgoing", Socket.class, String.class, List.class);
                if (!c.getName().contains("$Proxy$") && !c.getName().contains("_ClientProxy")) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // not on this class: its superclass
            }
        }
        return false;
    }

    /** An incoming event as middleware sees it. */
    private record IncomingEventImpl(Socket socket, String event, ClientArguments arguments, boolean hasAck)
            implements SocketMiddleware.IncomingEvent {
        @Override
        public List<Object> args() {
            return arguments.args();
        }

        @Override
        public <T> T arg(int index, Class<T> type) {
            return arguments.arg(index, type);
        }
    }
}
