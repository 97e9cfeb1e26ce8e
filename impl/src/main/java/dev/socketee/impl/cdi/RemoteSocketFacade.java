package dev.socketee.impl.cdi;

import dev.socketee.RemoteSocket;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.impl.sio.Namespace;
import java.util.Map;
import java.util.Set;

/**
 * A fetched socket: its details as fetched, and operations addressed to its own room through the
 * adapter, so they reach it on whichever node it is (as node's RemoteSocket does).
 */
final class RemoteSocketFacade implements RemoteSocket {

    private final Namespace namespace;
    private final SocketDetails details;

    RemoteSocketFacade(Namespace namespace, SocketDetails details) {
        this.namespace = namespace;
        this.details = details;
    }

    @Override
    public String id() {
        return details.id();
    }

    @Override
    public String namespace() {
        return namespace.name();
    }

    @Override
    public Set<String> rooms() {
        return details.rooms();
    }

    @Override
    public Map<String, Object> handshake() {
        return details.handshake();
    }

    @Override
    public Map<String, Object> data() {
        return details.data();
    }

    @Override
    public void emit(String event, Object... args) {
        namespace.to(details.id()).emit(event, args);
    }

    @Override
    public void join(String... rooms) {
        namespace.to(details.id()).socketsJoin(Set.of(rooms));
    }

    @Override
    public void leave(String... rooms) {
        namespace.to(details.id()).socketsLeave(Set.of(rooms));
    }

    @Override
    public void disconnect(boolean close) {
        namespace.to(details.id()).disconnectSockets(close);
    }

    @Override
    public String toString() {
        return "RemoteSocket[" + details.id() + " " + namespace.name() + "]";
    }
}
