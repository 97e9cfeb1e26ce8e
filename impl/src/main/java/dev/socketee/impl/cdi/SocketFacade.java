package dev.socketee.impl.cdi;

import dev.socketee.AckReply;
import dev.socketee.Emitter;
import dev.socketee.Handshake;
import dev.socketee.Socket;
import dev.socketee.impl.sio.SioSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentMap;

/** The API {@link Socket} over a protocol-core {@link SioSocket}; one per socket. */
final class SocketFacade implements Socket {

    private final SioSocket socket;
    private final ArgumentBinder binder;
    private final Handshake handshake;

    private SocketFacade(SioSocket socket, ArgumentBinder binder) {
        this.socket = socket;
        this.binder = binder;
        this.handshake = new HandshakeFacade(socket.client().engine().handshake());
    }

    /** The facade of a socket, made on first use and kept on the socket. */
    static SocketFacade of(SioSocket socket, ArgumentBinder binder) {
        return (SocketFacade) socket.facade(() -> new SocketFacade(socket, binder));
    }

    /** The protocol-core socket under this facade. */
    SioSocket sioSocket() {
        return socket;
    }

    @Override
    public String id() {
        return socket.id();
    }

    @Override
    public String namespace() {
        return socket.namespace().name();
    }

    @Override
    public boolean connected() {
        return socket.isConnected();
    }

    @Override
    public boolean recovered() {
        return socket.recovered();
    }

    @Override
    public void emit(String event, Object... args) {
        socket.emitArgs(event, Arrays.asList(args));
    }

    @Override
    public CompletionStage<AckReply> emitWithAck(String event, Duration timeout, Object... args) {
        // a new stage completed by hand, so callers see the TimeoutException itself, not a CompletionException
        CompletableFuture<AckReply> result = new CompletableFuture<>();
        socket.emitWithAck(event, Arrays.asList(args), timeout.toMillis()).whenComplete((reply, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(new ClientArguments(reply, binder));
            }
        });
        return result;
    }

    @Override
    public void join(String room) {
        socket.join(room);
    }

    @Override
    public void leave(String room) {
        socket.leave(room);
    }

    @Override
    public Set<String> rooms() {
        return socket.rooms();
    }

    @Override
    public Emitter broadcast() {
        return new EmitterFacade(socket.broadcast(), binder);
    }

    /** Through its own room on this node: the adapter drops it when the transport is busy. */
    @Override
    public Emitter asVolatile() {
        return new EmitterFacade(socket.namespace().to(socket.id()).local().volatile_(), binder);
    }

    @Override
    public Emitter to(String room) {
        return new EmitterFacade(socket.to(room), binder);
    }

    @Override
    public void disconnect() {
        socket.disconnect(false);
    }

    @Override
    public void disconnect(boolean close) {
        socket.disconnect(close);
    }

    @Override
    public ConcurrentMap<String, Object> session() {
        return socket.data();
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public String toString() {
        return "Socket[" + id() + " " + namespace() + "]";
    }
}
