package dev.socketee.impl.cdi;

import dev.socketee.AckCallback;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.impl.sio.Ack;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The event a handler observes. It is also the handler's {@link AckCallback}. Who answers the
 * ack is the handler's {@link HandlerPlan.AckRule}; a handler whose return value is the ack gets
 * an event whose {@link #ack} refuses (see {@link #ackIsReturnedBy}).
 */
final class SocketEventImpl extends ClientArguments implements SocketEvent, AckCallback {

    private final SocketFacade socket;
    private final String name;
    private final Ack ack;
    private final Object auth;
    private final String reason;
    private final Throwable error;
    private volatile String ackReturnedBy;
    private volatile boolean handlerNotRun;

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
        String returner = ackReturnedBy;
        if (returner != null) {
            throw new IllegalStateException(returner + " returns a value, which is the ack: return it instead of calling ack()");
        }
        if (ack != null) {
            ack.send(Arrays.asList(ackArgs));
        }
    }

    @Override
    public boolean requested() {
        return hasAck();
    }

    @Override
    public void send(Object... args) {
        ack(args);
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

    /** Argument {@code index} bound to {@code type}; a missing one binds as null (refused for primitives). */
    Object bindArg(int index, Type type) {
        return binder().bind(index < size() ? raw().get(index) : null, type);
    }

    /** The handler at {@code location} answers with its return value: {@link #ack} refuses from now on. */
    void ackIsReturnedBy(String location) {
        this.ackReturnedBy = location;
    }

    /** Its arguments could not be bound, so the handler never ran (and cannot answer the ack it would hold). */
    void handlerNotRun() {
        this.handlerNotRun = true;
    }

    boolean wasHandlerNotRun() {
        return handlerNotRun;
    }

    /** Answers the client's ack with one value, or no arguments for null (once, like any ack). */
    void answer(Object value) {
        if (ack != null) {
            ack.send(value == null ? List.of() : Collections.singletonList(value));
        }
    }

    /** Answers the client's ack with these arguments (once). */
    void answerWith(List<Object> args) {
        if (ack != null) {
            ack.send(args);
        }
    }

    SocketEventImpl withError(Throwable t) {
        return new SocketEventImpl(socket, name, raw(), null, auth, reason, t, binder()); // name: the event whose handler failed
    }
}
