package dev.socketee.tck.cluster;

import dev.socketee.AckReply;
import dev.socketee.AckTimeoutException;
import dev.socketee.Emitter;
import dev.socketee.OnServerEvent;
import dev.socketee.OnSocketEvent;
import dev.socketee.RemoteSocket;
import dev.socketee.ServerEvent;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cluster test app, namespace {@value #NS}: a client names rooms to join and its session data
 * in its auth ({@code {rooms, data}}) and asks its node to run one cluster operation with an {@code op} event
 * (see {@link #op}), whose ack carries the result. A node.js peer serves the same namespace with
 * the same connect contract (tck-tests/src/test/node/cluster/node-peer.mjs). The server-side
 * event {@code ping-server} is answered with {@code {node, args}} (the node peer answers
 * {@code {port, args}}) and shown to this node's sockets as a {@code server-event} event.
 */
@ApplicationScoped
public class ClusterHandlers {

    static final String NS = "/cluster";

    @Inject
    SocketIo io;

    private final String node = System.getProperty("socketee.node.name", "socketee");

    void connect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = NS) SocketEvent e) {
        Map<?, ?> auth = e.auth(Map.class);
        if (auth == null) {
            return;
        }
        if (auth.get("data") instanceof Map<?, ?> data) { // node peer: socket.data = auth.data
            data.forEach((k, v) -> e.socket().session().put(String.valueOf(k), v));
        }
        if (auth.get("rooms") instanceof List<?> rooms) {
            rooms.forEach(r -> e.socket().join(String.valueOf(r)));
        }
    }

    void whoami(@Observes @OnSocketEvent(value = "whoami", namespace = NS) SocketEvent e) {
        e.ack(Map.of("node", node, "id", e.socket().id(), "rooms", new TreeSet<>(e.socket().rooms())));
    }

    /**
     * {@code {op, to:[rooms], except:[rooms], local, ...}}: emit {event, args}, emitWithAck
     * {event, args, timeoutMs}, socketsJoin / socketsLeave {rooms}, disconnectSockets {close},
     * fetchSockets, serverSideEmit {event, args}, serverSideEmitWithAck {event, args}, serverCount.
     */
    void op(@Observes @OnSocketEvent(value = "op", namespace = NS) SocketEvent e) {
        Map<?, ?> req = e.arg(0, Map.class);
        Emitter target = target(req);
        String op = String.valueOf(req.get("op"));
        switch (op) {
            case "emit" -> {
                target.emit(String.valueOf(req.get("event")), args(req));
                e.ack("ok");
            }
            case "emitWithAck" -> target.timeout(Duration.ofMillis(((Number) req.get("timeoutMs")).longValue()))
                    .emitWithAck(String.valueOf(req.get("event")), args(req))
                    .whenComplete((replies, error) -> e.ack(outcome(replies, error)));
            case "socketsJoin" -> {
                target.socketsJoin(strings(req.get("rooms")));
                e.ack("ok");
            }
            case "socketsLeave" -> {
                target.socketsLeave(strings(req.get("rooms")));
                e.ack("ok");
            }
            case "disconnectSockets" -> {
                target.disconnectSockets(Boolean.TRUE.equals(req.get("close")));
                e.ack("ok");
            }
            case "fetchSockets" -> target.fetchSockets().whenComplete((sockets, error) -> e.ack(error != null
                    ? Map.of("error", String.valueOf(error)) : Map.of("sockets", describe(sockets))));
            case "serverSideEmit" -> {
                io.serverSideEmit(NS, String.valueOf(req.get("event")), args(req));
                e.ack("ok");
            }
            case "serverSideEmitWithAck" -> io.serverSideEmitWithAck(NS, String.valueOf(req.get("event")), args(req))
                    .whenComplete((replies, error) -> e.ack(outcome(replies, error)));
            case "serverCount" -> io.serverCount(NS).whenComplete((n, error) -> e.ack(error != null ? -1 : n));
            default -> e.ack(Map.of("error", "unknown op " + op));
        }
    }

    void onPing(@Observes @OnServerEvent(value = "ping-server", namespace = NS) ServerEvent e) {
        io.of(NS).local().emit("server-event", Map.of("event", e.event(), "args", e.args(), "node", node));
        e.ack(Map.of("node", node, "args", e.args()));
    }

    private Emitter target(Map<?, ?> req) {
        Emitter t = io.of(NS);
        for (String room : strings(req.get("to"))) {
            t = t.to(room);
        }
        for (String room : strings(req.get("except"))) {
            t = t.except(room);
        }
        return Boolean.TRUE.equals(req.get("local")) ? t.local() : t;
    }

    private static Object[] args(Map<?, ?> req) {
        return req.get("args") instanceof List<?> l ? l.toArray() : new Object[0];
    }

    private static String[] strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toArray(String[]::new) : new String[0];
    }

    /** {@code {replies:[...]}}, or {@code {error, replies}} with the partial replies of a timeout. */
    private static Map<String, Object> outcome(List<AckReply> replies, Throwable error) {
        Map<String, Object> out = new LinkedHashMap<>();
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        List<AckReply> got = cause instanceof AckTimeoutException t ? t.replies() : replies;
        if (cause != null) {
            out.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        List<Object> values = new ArrayList<>();
        if (got != null) {
            got.forEach(r -> values.add(r.args().isEmpty() ? null : r.args().get(0)));
        }
        out.put("replies", values);
        return out;
    }

    private static List<Map<String, Object>> describe(List<RemoteSocket> sockets) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RemoteSocket s : sockets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("rooms", new TreeSet<>(s.rooms()));
            m.put("data", s.data());
            m.put("auth", s.handshake().get("auth"));
            out.add(m);
        }
        return out;
    }
}
