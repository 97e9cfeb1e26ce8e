package dev.socketee.tck.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node.js node of a test cluster: {@code src/test/node/cluster/node-peer.mjs}, socket.io 4.8.1 with
 * {@code @socket.io/redis-adapter} 8.3.0 on a Redis, listening on a free loopback port. What it does
 * for its clients (rooms from {@code auth.rooms}, {@code echo}, {@code join}, {@code leave}, the
 * acking {@code ping-server} server-side handler) is described in the script's header.
 *
 * <pre>{@code
 * try (NodePeer peer = NodePeer.start(redis.uri(), "key=my-test", "namespaces=/chat")) {
 *     clients.connect("a", peer.url(), "/", Map.of("rooms", List.of("r1")));
 *     peer.emit("/", List.of("r1"), List.of(), "news", 1);            // from this node, cluster-wide
 *     peer.awaitServerSideEvent("/", "ping-server");                  // a serverSideEmit it received
 * }
 * }</pre>
 *
 * Options, as {@code name=value}: {@code sharded=true} (createShardedAdapter), {@code key=<prefix>},
 * {@code namespaces=/a,/b} (created before READY, so reachable at once), {@code requestsTimeout=<ms>},
 * {@code subscriptionMode=static|dynamic|dynamic-private}.
 */
public final class NodePeer implements AutoCloseable {

    private final NodeProcess node;
    private final int port;

    private NodePeer(NodeProcess node, int port) {
        this.node = node;
        this.port = port;
    }

    /** Starts a peer on a free port and returns once it listens and its subscriptions are confirmed. */
    public static NodePeer start(String redisUri, String... options) {
        List<String> args = new ArrayList<>(List.of("0", redisUri));
        args.addAll(List.of(options));
        NodeProcess node = NodeProcess.start("cluster/node-peer.mjs", args, "READY ");
        String ready = node.awaitLine(line -> line.startsWith("READY "), NodeProcess.WAIT);
        return new NodePeer(node, Integer.parseInt(ready.substring("READY ".length()).trim()));
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, for the clients. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return node.pid();
    }

    /** Runs one of the script's stdin commands, e.g. {@code command("fetchSockets", "nsp", "/chat")}. */
    public Object command(String op, Object... keysAndValues) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("op", op);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            command.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return node.command(command);
    }

    /** {@code io.of(nsp).to(rooms).except(except).emit(event, ...args)} on this node. */
    public void emit(String nsp, List<String> rooms, List<String> except, String event, Object... args) {
        command("emit", "nsp", nsp, "rooms", rooms, "except", except, "event", event, "args", List.of(args));
    }

    /** This node's {@code fetchSockets()} of a namespace, cluster-wide: {id, rooms, data, auth} each. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> fetchSockets(String nsp) {
        return (List<Map<String, Object>>) command("fetchSockets", "nsp", nsp);
    }

    /** Every {@code EVENT} line so far: {"type": "connection" | "disconnect" | "server-side", "nsp", ...}. */
    public List<Map<String, Object>> events() {
        return node.events();
    }

    /** The first server-side event of that name this node received in {@code nsp}: {nsp, event, args, withAck}. */
    public Map<String, Object> awaitServerSideEvent(String nsp, String event) {
        return node.awaitEvent(e -> "server-side".equals(e.get("type")) && nsp.equals(e.get("nsp")) && event.equals(e.get("event")),
                NodeProcess.WAIT, "server-side event '" + event + "' in " + nsp);
    }

    /** The disconnect of socket {@code id} as this node saw it: {nsp, id, reason}. */
    public Map<String, Object> awaitDisconnect(String id, Duration timeout) {
        return node.awaitEvent(e -> "disconnect".equals(e.get("type")) && id.equals(e.get("id")), timeout,
                "disconnect of " + id);
    }

    /**
     * Waits until this node has reconnected to a restarted Redis {@code times} times in all (1 after
     * the first restart), its subscriptions confirmed.
     */
    public void awaitResubscribed(int times, Duration timeout) {
        node.awaitEvent(e -> "resubscribed".equals(e.get("type"))
                && events().stream().filter(x -> "resubscribed".equals(x.get("type"))).count() >= times,
                timeout, "resubscription #" + times);
    }

    public String log() {
        return node.log();
    }

    /** Stops it (stdin closed: it closes its server and Redis clients), by its PID if it lingers. */
    @Override
    public void close() {
        node.close();
    }
}
