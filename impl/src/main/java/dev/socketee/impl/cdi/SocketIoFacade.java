package dev.socketee.impl.cdi;

import dev.socketee.Emitter;
import dev.socketee.Socket;
import dev.socketee.SocketIo;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The injectable {@link SocketIo}. The bean exists as soon as CDI is up, the server only once
 * the web application has started, so the server is looked up on each call (a volatile read).
 */
final class SocketIoFacade implements SocketIo {

    private final Supplier<SocketeeRuntime> runtime;

    SocketIoFacade(Supplier<SocketeeRuntime> runtime) {
        this.runtime = runtime;
    }

    private SocketeeRuntime rt() {
        SocketeeRuntime r = runtime.get();
        if (r == null) {
            throw new IllegalStateException("Socket.IO is not started yet (the web application is still starting)");
        }
        return r;
    }

    private Namespace namespace(String name) {
        Namespace n = rt().server().namespaceOrEmpty(name); // an empty dynamic one is not created by asking
        if (n == null) {
            throw new IllegalArgumentException("No handler serves namespace " + name);
        }
        return n;
    }

    @Override
    public Emitter of(String namespace) {
        return new EmitterFacade(namespace(namespace).broadcast());
    }

    @Override
    public Optional<Socket> socket(String namespace, String id) {
        SioServer server = rt().server();
        Namespace n = server.namespace(namespace);
        SioSocket s = n == null ? null : n.socket(id);
        return s == null ? Optional.empty() : Optional.of(SocketFacade.of(s, rt().binder()));
    }

    @Override
    public void closeRoom(String namespace, String room) {
        for (SioSocket s : namespace(namespace).members(room)) {
            s.leave(room);
        }
    }

    @Override
    public Set<String> socketIds(String namespace, String room) {
        Set<String> ids = new LinkedHashSet<>();
        for (SioSocket s : namespace(namespace).members(room)) {
            ids.add(s.id());
        }
        return ids;
    }
}
