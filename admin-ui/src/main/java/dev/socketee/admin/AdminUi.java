package dev.socketee.admin;

import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.RawJson;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server side of the official Socket.IO Admin UI on one server (node's {@code instrument}):
 * the admin namespace with its login, {@code config}, {@code all_sockets}, the commands, and a
 * {@code server_stats} every interval.
 *
 * <p>Nothing is captured while nobody watches: the observer is installed only while an admin
 * is connected here, or another node said one is connected there (each node with admins says so
 * to the others every interval through the admin namespace's adapter, and a node stops
 * capturing three intervals after it last heard it). What is captured goes to the admin
 * namespace's adapter, so it reaches the admins of every node, as node's admin-ui broadcasts.
 * {@code all_sockets} is this node's sockets plus each other node's answer to a server-side
 * emit (every other node answers with its own sockets).
 */
public final class AdminUi implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AdminUi.class.getName());
    /** Server-side events between the nodes' admin namespaces. */
    static final String WATCHING = "socketee:admin:watching";
    static final String SOCKETS = "socketee:admin:sockets";

    private final SioServer server;
    private final AdminUiOptions options;
    private final Clock clock;
    private final AdminAuthentication authentication;
    private final EventBuffer buffer;
    private final AdminCapture capture;
    private final ServerStats stats;
    private final List<String> features;
    private final Namespace namespace;
    private final AutoCloseable ticks;
    private volatile long remoteWatchUntil = Long.MIN_VALUE;

    AdminUi(SioServer server, AdminUiOptions options, Clock clock, Ticker ticker) {
        this.server = server;
        this.options = options;
        this.clock = clock;
        this.authentication = options.authenticate()
                ? new AdminAuthentication(options.username(), new BcryptPassword(options.passwordHash()))
                : new AdminAuthentication(null, null);
        this.buffer = new EventBuffer(clock);
        this.capture = new AdminCapture(options.namespace(), options.development(), this::broadcast, buffer, clock);
        this.stats = new ServerStats(server, options.serverId(), buffer, clock);
        List<String> f = new ArrayList<>(options.readOnly() ? List.of() : AdminCommands.FEATURES);
        f.add("AGGREGATED_EVENTS");
        if (options.development()) {
            f.add("ALL_EVENTS");
        }
        this.features = List.copyOf(f);
        NamespaceHandlers handlers = new NamespaceHandlers()
                .onConnect((socket, auth) -> onAdminConnect(socket, auth))
                .onDisconnect((socket, reason) -> updateCapture())
                .onServerEvent((ns, event, args, ack) -> onServerEvent(event, ack));
        if (!options.readOnly()) {
            AdminCommands.register(handlers, server);
        }
        if (server.namespace(options.namespace()) != null) {
            throw new IllegalStateException("The Admin UI's namespace " + options.namespace() + " is the application's too: set "
                    + AdminUiOptions.PREFIX + "namespace to another name");
        }
        this.namespace = server.namespace(options.namespace(), handlers);
        namespace.adapter(); // subscribe now: other nodes' admins must reach this one
        this.ticks = ticker.every(options.statsInterval(), this::tick);
        LOG.info(() -> "Socket.IO Admin UI on namespace " + options.namespace() + (options.readOnly() ? " (read-only)" : "")
                + ", mode " + (options.development() ? "development" : "production") + ", server id " + options.serverId());
    }

    /** Installed from the configuration (the plugin), on the server's own clock and scheduler. */
    public static AdminUi install(SioServer server, AdminUiOptions options) {
        return new AdminUi(server, options, Clock.systemUTC(), Ticker.on(server.timer(), command -> server.engine().callbacks().execute(command)));
    }

    List<String> features() {
        return features;
    }

    private void onAdminConnect(SioSocket socket, Object auth) throws Exception {
        Object plain = auth instanceof RawJson r ? JsonReader.parse(r.json()) : auth;
        String session = authentication.admit(plain instanceof Map<?, ?> m ? m : Map.of());
        server.observer(capture); // before the replies below, so nothing that happens from now on is missed
        if (session != null) {
            socket.emit("session", session);
        }
        socket.emit("config", Map.of("supportedFeatures", features));
        socket.emit("server_stats", stats.next(false)); // at once for the dashboard; the counts stay for every admin's next stats
        namespace.adapter().serverSideEmit(List.of(WATCHING));
        if (options.development()) {
            allSockets().whenComplete((sockets, error) -> {
                if (error != null) {
                    LOG.log(Level.FINE, "Admin UI: other nodes' sockets not gathered", error);
                }
                socket.emit("all_sockets", sockets);
            });
        }
    }

    /** Every socket of every node, local ones first; only the local ones if the other nodes do not answer in time. */
    CompletionStage<List<Object>> allSockets() {
        List<Object> local = localSockets();
        return namespace.adapter().serverSideEmitWithAck(List.of(SOCKETS)).handle((replies, error) -> {
            List<Object> all = new ArrayList<>(local);
            if (error == null) {
                for (Object reply : replies) {
                    if (reply instanceof List<?> l) {
                        all.addAll(l);
                    }
                }
            } else {
                LOG.log(Level.FINE, "Admin UI: other nodes' sockets not gathered", error);
            }
            return all;
        });
    }

    private List<Object> localSockets() {
        List<Object> out = new ArrayList<>();
        for (Namespace n : server.namespaces()) {
            for (SioSocket s : n.sockets()) {
                out.add(capture.shown(s));
            }
        }
        return out;
    }

    private void onServerEvent(String event, dev.socketee.adapter.ServerSideAck ack) {
        if (WATCHING.equals(event) || SOCKETS.equals(event)) {
            remoteWatchUntil = clock.millis() + 3 * options.statsInterval().toMillis();
            updateCapture();
        }
        if (SOCKETS.equals(event) && ack != null) {
            ack.reply(localSockets());
        }
    }

    /** Every interval: stats while someone watches; tell the other nodes while someone watches here. */
    void tick() {
        boolean local = !namespace.sockets().isEmpty();
        boolean watched = updateCapture();
        if (watched) {
            capture.tellUpgrades();
            broadcast("server_stats", List.of(stats.next(true)));
        }
        if (local) {
            namespace.adapter().serverSideEmit(List.of(WATCHING));
        }
    }

    /** Installs or removes the observer; whether someone watches. */
    private boolean updateCapture() {
        boolean watched = !namespace.sockets().isEmpty() || clock.millis() < remoteWatchUntil;
        server.observer(watched ? capture : null);
        if (!watched) {
            buffer.takeAll(); // what was counted until the last admin left is nobody's
            capture.forget();
        }
        return watched;
    }

    private void broadcast(String event, List<Object> args) {
        namespace.broadcast().emit(event, args);
    }

    @Override
    public void close() {
        try {
            ticks.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Admin UI ticker failed to stop", e);
        }
        server.observer(null);
    }
}
