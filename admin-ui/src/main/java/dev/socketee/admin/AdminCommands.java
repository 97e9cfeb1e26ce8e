package dev.socketee.admin;

import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.RawJson;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.broadcast.BroadcastOperator;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What the UI may do, cluster-wide through each namespace's adapter (node's v4 handlers, the
 * last argument a room or a socket id that narrows the target, else the whole namespace):
 * <pre>
 *   emit         (nsp, filter, event, ...args)
 *   join         (nsp, room, filter)
 *   leave        (nsp, room, filter)
 *   _disconnect  (nsp, close, filter)
 * </pre>
 * In read-only mode none is registered: the UI hides its buttons (no feature announced), and a
 * command sent anyway is ignored, as node's.
 */
final class AdminCommands {

    private static final Logger LOG = Logger.getLogger(AdminCommands.class.getName());
    /** The features the commands bring, in node's order. */
    static final List<String> FEATURES = List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT");

    private AdminCommands() {
    }

    static void register(NamespaceHandlers admin, SioServer server) {
        admin.on("emit", (s, e, args, ack) -> {
            BroadcastOperator target = target(server, arg(args, 0), arg(args, 1));
            Object event = arg(args, 2);
            if (target != null && event instanceof String name) {
                target.emit(name, args.size() > 3 ? plain(args.subList(3, args.size())) : List.of());
            }
        });
        admin.on("join", (s, e, args, ack) -> {
            BroadcastOperator target = target(server, arg(args, 0), arg(args, 2));
            if (target != null && arg(args, 1) instanceof String room) {
                target.socketsJoin(Set.of(room));
            }
        });
        admin.on("leave", (s, e, args, ack) -> {
            BroadcastOperator target = target(server, arg(args, 0), arg(args, 2));
            if (target != null && arg(args, 1) instanceof String room) {
                target.socketsLeave(Set.of(room));
            }
        });
        admin.on("_disconnect", (s, e, args, ack) -> {
            BroadcastOperator target = target(server, arg(args, 0), arg(args, 2));
            if (target != null) {
                target.disconnectSockets(Boolean.TRUE.equals(arg(args, 1)));
            }
        });
    }

    /** The namespace's sockets, in {@code filter} when it is a room or socket id; null for a namespace that does not exist. */
    private static BroadcastOperator target(SioServer server, Object nsp, Object filter) {
        if (!(nsp instanceof String name)) {
            return null;
        }
        dev.socketee.impl.sio.Namespace n = server.namespaceOrEmpty(name);
        if (n == null) {
            LOG.fine(() -> "Admin UI command for a namespace that does not exist: " + name);
            return null;
        }
        return filter instanceof String room && !room.isEmpty() ? n.broadcast().to(room) : n.broadcast();
    }

    private static Object arg(List<Object> args, int i) {
        return i < args.size() ? plain(args.get(i)) : null;
    }

    private static Object plain(Object v) {
        return v instanceof RawJson r ? JsonReader.parse(r.json()) : v;
    }

    private static List<Object> plain(List<Object> values) {
        return values.stream().map(AdminCommands::plain).toList();
    }
}
