package dev.socketee.impl.cdi;

import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.impl.sio.Ack;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The event a handler observes. For {@code @ObservesAsync} handlers the acknowledgement is held
 * and sent when the handler completes (with what it passed to {@link #ack}, or no arguments).
 */
final class SocketEventImpl extends ClientArguments implements SocketEvent {

    private final SocketFacade socket;
    private final String name;
    private final Ack ack;
    private final Object auth;
    private final String reason;
    private final Throwable error;
    private volatile boolean deferAck;
    private volatile List<Object> deferredAckArgs;

    SocketEventImpl(SocketFacade socket, String name, List<Object> args, Ack ack, Object auth, String reason,
                    Throwable error, ArgumentBinder binder) {
        super(args, binder);
        this.socket = socket;
        this.name = name;
        this.ack = ack;
        this.auth = auth;
        this.reason = reason;
        this.error = error;
    }

    @Override
    public Socket socket() {
        return socket;
    }

    SocketFacade facade() {
        return socket;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean hasAck() {
        return ack != null;
    }

    @Override
    public void ack(Object... ackArgs) {
        if (ack == null) {
            return;
        }
        if (deferAck) {
            deferredAckArgs = Arrays.asList(ackArgs);
        } else {
            ack.send(Arrays.asList(ackArgs));
        }
    }

    @Override
    public <T> T auth(Class<T> type) {
        return auth == null ? null : binder().bind(auth, type);
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public Throwable error() {
        return error;
    }

    /** For async handlers: hold acks until {@link #completeDeferredAck()}. */
    void deferAck() {
        this.deferAck = true;
    }

    void completeDeferredAck() {
        if (ack != null) {
            List<Object> a = deferredAckArgs;
            ack.send(a == null ? List.of() : a);
        }
    }

    /** An async handler could not be run: the client's ack carries {@code errorArgs} instead (once, like any ack). */
    void failDeferredAck(List<Object> errorArgs) {
        if (ack != null) {
            ack.send(errorArgs);
        }
    }

    SocketEventImpl withError(Throwable t) {
        return new SocketEventImpl(socket, name, raw(), null, auth, reason, t, binder()); // name: the event whose handler failed
    }
}
