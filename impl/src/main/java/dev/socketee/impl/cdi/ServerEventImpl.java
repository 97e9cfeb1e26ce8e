package dev.socketee.impl.cdi;

import dev.socketee.ServerEvent;
import dev.socketee.adapter.ServerSideAck;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A server-side emit from another node, as its observers see it; the first {@link #ack} is sent. */
final class ServerEventImpl implements ServerEvent {

    private final String event;
    private final String namespace;
    private final List<Object> args;
    private final ServerSideAck ack;
    private final ArgumentBinder binder;
    private final AtomicBoolean acked = new AtomicBoolean();

    ServerEventImpl(String event, String namespace, List<Object> args, ServerSideAck ack, ArgumentBinder binder) {
        this.event = event;
        this.namespace = namespace;
        this.args = args;
        this.ack = ack;
        this.binder = binder;
    }

    @Override
    public String event() {
        return event;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public List<Object> args() {
        return args;
    }

    @Override
    public <T> T arg(int index, Class<T> type) {
        return index < args.size() ? binder.bind(args.get(index), type) : null;
    }

    @Override
    public boolean wantsAck() {
        return ack != null;
    }

    @Override
    public void ack(Object value) {
        if (ack != null && acked.compareAndSet(false, true)) {
            ack.reply(value);
        }
    }

    @Override
    public String toString() {
        return "ServerEvent[" + namespace + " '" + event + "']";
    }
}
