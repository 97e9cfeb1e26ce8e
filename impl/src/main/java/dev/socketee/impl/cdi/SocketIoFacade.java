package dev.socketee.impl.cdi;

import dev.socketee.Emitter;
import dev.socketee.Socket;
import dev.socketee.SocketIo;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import dev.socketee.AckReply;
import dev.socketee.AckTimeoutException;
import dev.socketee.adapter.ClusterTimeoutException;
import dev.socketee.impl.protocol.socket.PlainValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
        return new EmitterFacade(namespace(namespace).broadcast(), rt().binder());
    }

    @Override
    public Optional<Socket> socket(String namespace, String id) {
        SioServer server = rt().server();
        Namespace n = server.namespace(namespace);
        SioSocket s = n == null ? null : n.socket(id);
        return s == null ? Optional.empty() : Optional.of(SocketFacade.of(s, rt().binder()));
    }

    /** Through the adapter: every node's sockets leave the room. */
    @Override
    public void closeRoom(String namespace, String room) {
        namespace(namespace).to(room).socketsLeave(Set.of(room));
    }

    @Override
    public void serverSideEmit(String namespace, String event, Object... args) {
        namespace(namespace).adapter().serverSideEmit(serverEventData(namespace, event, args));
    }

    @Override
    public CompletionStage<List<AckReply>> serverSideEmitWithAck(String namespace, String event, Object... args) {
        ArgumentBinder binder = rt().binder();
        CompletableFuture<List<AckReply>> result = new CompletableFuture<>();
        dev.socketee.impl.sio.Namespace ns = namespace(namespace);
        ns.clusterRequest(() -> ns.adapter().serverSideEmitWithAck(serverEventData(namespace, event, args))).whenComplete((replies, error) -> {
            if (error == null) {
                result.complete(EmitterFacade.replies(replies, binder));
                return;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
            result.completeExceptionally(cause instanceof ClusterTimeoutException t
                    ? new AckTimeoutException(t.getMessage(), EmitterFacade.replies(t.partialResults(), binder)) : cause);
        });
        return result;
    }

    /** {@code [event, arg...]} as plain values: what goes to the other nodes. */
    private List<Object> serverEventData(String namespace, String event, Object[] args) {
        List<Object> data = new ArrayList<>(args.length + 1);
        data.add(event);
        data.addAll(Arrays.asList(args));
        return PlainValues.of(data, rt().jsonFallback());
    }

    @Override
    public CompletionStage<Integer> serverCount(String namespace) {
        dev.socketee.impl.sio.Namespace ns = namespace(namespace);
        return ns.clusterRequest(() -> ns.adapter().serverCount());
    }

    @Override
    public Set<String> socketIds(String namespace, String room) {
        Set<String> ids = new LinkedHashSet<>();
        for (SioSocket s : namespace(namespace).members(room)) {
            ids.add(s.id());
        }
        return ids;
    }

    @Override
    public List<dev.socketee.MeterReading> meters() {
        dev.socketee.impl.metrics.SocketeeMeters meters = rt().meters();
        if (meters == null) {
            return List.of();
        }
        List<dev.socketee.MeterReading> readings = new java.util.ArrayList<>();
        for (dev.socketee.impl.metrics.Meter m : meters.all()) {
            readings.add(new dev.socketee.MeterReading(m.name(), m.tags(),
                    m.kind() == dev.socketee.impl.metrics.Meter.Kind.COUNTER, m.value().getAsDouble()));
        }
        return readings;
    }
}
