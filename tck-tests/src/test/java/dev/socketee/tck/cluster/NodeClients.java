package dev.socketee.tck.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Official socket.io-client 4.8.1 clients, any number in one node process
 * ({@code src/test/node/cluster/clients.mjs}), each on its own connection, connected to any node of a
 * test cluster (node.js or Socketee). Every event a client receives is recorded in order, binary
 * arguments as {@code byte[]}; an event the server wants acknowledged is acknowledged with its own
 * arguments.
 *
 * <pre>{@code
 * try (NodeClients clients = NodeClients.start()) {
 *     String sid = clients.connect("a", peer.url(), "/chat", Map.of("rooms", List.of("r1")));
 *     List<Object> args = clients.await("a", "news");     // the first "news" event's arguments
 *     clients.received("a", "news");                       // every "news" so far
 * }
 * }</pre>
 *
 * To show that a client did <em>not</em> get an event without sleeping: after the operation under
 * test, send a second event that reaches every client the same way (one sender, one Redis
 * connection: delivered in order), wait for it at each client, then look at what else arrived.
 */
public final class NodeClients implements AutoCloseable {

    private final NodeProcess node;

    private NodeClients(NodeProcess node) {
        this.node = node;
    }

    public static NodeClients start() {
        return new NodeClients(NodeProcess.start("cluster/clients.mjs", List.of(), "READY"));
    }

    /** Connects client {@code name} with these auth data and returns its socket id once connected. */
    public String connect(String name, String url, String nsp, Map<String, ?> auth) {
        return connect(name, url, nsp, auth, Map.of());
    }

    /**
     * Connects with more of the script's options: {@code path} (default {@code /socket.io}),
     * {@code transports} (default polling then websocket), {@code noAck} (true: never acknowledge).
     */
    @SuppressWarnings("unchecked")
    public String connect(String name, String url, String nsp, Map<String, ?> auth, Map<String, ?> options) {
        Map<String, Object> command = new LinkedHashMap<>(options);
        command.put("op", "connect");
        command.put("client", name);
        command.put("url", url);
        command.put("nsp", nsp);
        command.put("auth", auth);
        return (String) ((Map<String, Object>) node.command(command)).get("sid");
    }

    /** Emits from a client; with {@code ackTimeout} non-null, waits for the server's ack and returns its first argument. */
    public Object emit(String client, String event, Duration ackTimeout, Object... args) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("op", "emit");
        command.put("client", client);
        command.put("event", event);
        command.put("args", List.of(args));
        if (ackTimeout != null) {
            command.put("ack", true);
            command.put("timeout", ackTimeout.toMillis());
        }
        return node.command(command, ackTimeout == null ? NodeProcess.WAIT : ackTimeout.plus(NodeProcess.WAIT));
    }

    public void disconnect(String client) {
        node.command(Map.of("op", "disconnect", "client", client));
    }

    /** The arguments of every {@code event} client {@code name} got so far, in order. */
    @SuppressWarnings("unchecked")
    public List<List<Object>> received(String client, String event) {
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> e : node.events()) {
            if (client.equals(e.get("client")) && event.equals(e.get("event"))) out.add((List<Object>) e.get("args"));
        }
        return out;
    }

    /** The names of the events client {@code name} got so far, in order ("connect" and "disconnect" included). */
    public List<String> eventNames(String client) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : node.events()) {
            if (client.equals(e.get("client"))) out.add((String) e.get("event"));
        }
        return out;
    }

    /** The arguments of the first {@code event} of client {@code name}, waiting up to 10 s for it. */
    public List<Object> await(String client, String event) {
        return await(client, event, NodeProcess.WAIT);
    }

    @SuppressWarnings("unchecked")
    public List<Object> await(String client, String event, Duration timeout) {
        Map<String, Object> e = node.awaitEvent(x -> client.equals(x.get("client")) && event.equals(x.get("event")),
                timeout, "'" + event + "' at client " + client);
        return (List<Object>) e.get("args");
    }

    public String log() {
        return node.log();
    }

    /** Disconnects every client and ends the process (by its PID if it lingers). */
    @Override
    public void close() {
        node.close();
    }
}
