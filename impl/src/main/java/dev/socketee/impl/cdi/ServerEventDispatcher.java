package dev.socketee.impl.cdi;

import dev.socketee.OnServerEvent;
import dev.socketee.ServerEvent;
import dev.socketee.adapter.ServerSideAck;
import dev.socketee.impl.protocol.socket.PlainValues;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.NamespaceHandlers;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers server-side emits from other nodes to the {@code @OnServerEvent} observers of the
 * namespace as a CDI event, in a request context. Rare (operator and cache messages, not traffic),
 * so the event is fired through the BeanManager rather than dispatched directly like socket events.
 * A reply is first turned into plain values, which is what crosses the broker.
 */
final class ServerEventDispatcher implements NamespaceHandlers.ServerEventHandler {

    private static final Logger LOG = Logger.getLogger(ServerEventDispatcher.class.getName());

    private final BeanManager beanManager;
    private final ArgumentBinder binder;

    ServerEventDispatcher(BeanManager beanManager, ArgumentBinder binder) {
        this.beanManager = beanManager;
        this.binder = binder;
    }

    @Override
    public void onServerEvent(Namespace namespace, String event, List<Object> args, ServerSideAck ack) {
        ServerSideAck plainAck = ack == null ? null : value -> ack.reply(PlainValues.of(java.util.Collections.singletonList(value), binder.fallback()).get(0));
        ServerEvent e = new ServerEventImpl(event, namespace.name(), args, plainAck, binder);
        RequestContextController rc = beanManager.createInstance().select(RequestContextController.class).get();
        boolean activated = rc.activate();
        try {
            beanManager.getEvent().select(ServerEvent.class, OnServerEvent.Literal.of(event, namespace.name())).fire(e);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Observer of server event '" + event + "' in " + namespace.name() + " failed", ex);
        } finally {
            if (activated) {
                rc.deactivate();
            }
        }
    }
}
