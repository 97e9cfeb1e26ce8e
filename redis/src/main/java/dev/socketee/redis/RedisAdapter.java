package dev.socketee.redis;

import static dev.socketee.redis.Wire.integer;
import static dev.socketee.redis.Wire.list;
import static dev.socketee.redis.Wire.map;

import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.ClusterTimeoutException;
import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.NamespaceHost;
import dev.socketee.adapter.OutboundPacket;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.redis.wire.JsonWriter;
import dev.socketee.redis.wire.MalformedMessageException;
import dev.socketee.redis.wire.MsgpackDecoder;
import dev.socketee.redis.wire.MsgpackEncoder;
import dev.socketee.redis.wire.NamespaceChannels;
import dev.socketee.redis.wire.RequestType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The adapter of one namespace on Redis Pub/Sub, speaking @socket.io/redis-adapter 8.x's classic
 * protocol, so Socketee nodes and node.js socket.io nodes share a cluster:
 * <ul>
 * <li>broadcasts: msgpack {@code [uid, {type, data, nsp}, {rooms, except, flags}]} on
 * {@code <key>#<nsp>#}, or {@code <key>#<nsp>#<room>#} when there is exactly one room; every node
 * psubscribes {@code <key>#<nsp>#*} and skips rooms it has no member of, and its own uid;</li>
 * <li>requests (JSON, or msgpack for BROADCAST) on {@code <key>-request#<nsp>#}, responses on
 * {@code <key>-response#<nsp>#} (or the requester's {@code <key>-response#<nsp>#<uid>#} with
 * {@code publishOnSpecificResponseChannel});</li>
 * <li>the number of nodes is {@code PUBSUB NUMSUB} of the request channel.</li>
 * </ul>
 * Operations on sockets act here at once and are published for the others (node's adapter
 * waits for its own request to come back through Redis; the effect is the same, and it also works
 * while Redis is away). Requests wait {@code requestsTimeout} and then fail with a
 * {@link ClusterTimeoutException} holding what arrived.
 */
public class RedisAdapter extends InMemoryAdapter {

    private static final Logger LOG = Logger.getLogger(RedisAdapter.class.getName());

    private final RedisBus bus;
    private final Duration requestsTimeout;
    private final boolean publishOnSpecificResponseChannel;
    private final String uid = Uids.uid2(6);
    private final NamespaceChannels channels;
    private final String channel;
    private final String requestChannel;
    private final String responseChannel;
    private final String specificResponseChannel;
    private final ClusterRequests requests;
    private final RedisBus.Listener messageListener = this::onMessage;
    private final RedisBus.Listener requestListener = this::onRequest;
    private static final RateLimitedLog MALFORMED = new RateLimitedLog(LOG, 60_000); // one line a minute for all namespaces

    RedisAdapter(NamespaceHost host, RedisBus bus, RedisAdapterOptions options) {
        super(host);
        this.bus = bus;
        this.requests = new ClusterRequests(bus);
        this.requestsTimeout = options.requestsTimeout();
        this.publishOnSpecificResponseChannel = options.publishOnSpecificResponseChannel();
        this.channels = new NamespaceChannels(options.key(), host.name());
        this.channel = channels.broadcast();
        this.requestChannel = channels.request();
        this.responseChannel = channels.response();
        this.specificResponseChannel = channels.response(uid);
    }

    /** This node's id in the cluster (6 characters, as node's). */
    public String uid() {
        return uid;
    }

    @Override
    public CompletionStage<Void> init() {
        return CompletableFuture.allOf(
                bus.subscribe(RedisBus.Kind.PATTERN, channel + "*", messageListener).toCompletableFuture(),
                bus.subscribe(RedisBus.Kind.CHANNEL, requestChannel, requestListener).toCompletableFuture(),
                bus.subscribe(RedisBus.Kind.CHANNEL, responseChannel, requestListener).toCompletableFuture(),
                bus.subscribe(RedisBus.Kind.CHANNEL, specificResponseChannel, requestListener).toCompletableFuture());
    }

    @Override
    public CompletionStage<Void> close() {
        CompletableFuture<Void> done = CompletableFuture.allOf(
                bus.unsubscribe(RedisBus.Kind.PATTERN, channel + "*", messageListener).toCompletableFuture(),
                bus.unsubscribe(RedisBus.Kind.CHANNEL, requestChannel, requestListener).toCompletableFuture(),
                bus.unsubscribe(RedisBus.Kind.CHANNEL, responseChannel, requestListener).toCompletableFuture(),
                bus.unsubscribe(RedisBus.Kind.CHANNEL, specificResponseChannel, requestListener).toCompletableFuture());
        requests.close(host.name());
        return done;
    }

    // ---- broadcasts ----------------------------------------------------------------------------

    @Override
    public void broadcast(OutboundPacket packet, BroadcastOptions options) {
        if (!options.flags().local()) {
            publish(channels.broadcastTo(options.rooms()), () -> MsgpackEncoder.encode(List.of(uid, Wire.packet(packet, host.name()), Wire.optsWithFlags(options))));
        }
        super.broadcast(packet, options);
    }

    @Override
    public void broadcastWithAck(OutboundPacket packet, BroadcastOptions options, IntConsumer clientCount, Consumer<Object> ack) {
        if (!options.flags().local()) {
            String requestId = Uids.uid2(6);
            requests.expectAcks(requestId, clientCount, ack, options.flags().timeout() != null ? options.flags().timeout() : requestsTimeout);
            publish(requestChannel, () -> {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("uid", uid);
                request.put("requestId", requestId);
                request.put("type", RequestType.BROADCAST.code());
                request.put("packet", Wire.packet(packet, host.name()));
                request.put("opts", Wire.optsWithFlags(options));
                return MsgpackEncoder.encode(request);
            });
        }
        super.broadcastWithAck(packet, options, clientCount, ack);
    }

    /** A message on the broadcast pattern: the local part of another node's broadcast. */
    private void onMessage(String on, byte[] message) {
        String room = channels.roomOf(on);
        if (room == null) {
            return;
        }
        if (!room.isEmpty() && !hasRoom(room)) {
            return; // nobody here is in it: not even worth decoding
        }
        try {
            List<Object> args = list(MsgpackDecoder.decode(message), "a broadcast");
            if (args.size() < 3) {
                throw new MalformedMessageException("a broadcast of " + args.size() + " elements");
            }
            if (uid.equals(args.get(0))) {
                return;
            }
            Map<String, Object> packet = map(args.get(1), "the packet");
            Object nsp = packet.getOrDefault("nsp", "/");
            if (!host.name().equals(nsp)) {
                return;
            }
            OutboundPacket out = host.packet(integer(packet.get("type"), "the packet type"), list(packet.get("data"), "the packet data"));
            super.broadcast(out, Wire.readOpts(args.get(2), true));
        } catch (MalformedMessageException | ClassCastException e) {
            MALFORMED.warn("socketee-redis: ignoring a malformed broadcast on " + on + ": " + e.getMessage());
        }
    }

    // ---- requests from other nodes -------------------------------------------------------------

    private void onRequest(String on, byte[] message) {
        try {
            if (on.startsWith(responseChannel)) {
                onResponse(message);
            } else if (on.equals(requestChannel)) {
                handleRequest(map(Wire.decode(message), "a request"));
            }
        } catch (MalformedMessageException | ClassCastException e) {
            MALFORMED.warn("socketee-redis: ignoring a malformed message on " + on + ": " + e.getMessage());
        }
    }

    private void handleRequest(Map<String, Object> request) {
        if (uid.equals(request.get("uid"))) {
            return; // what this node asked, it did for itself already
        }
        RequestType type = RequestType.of(integer(request.get("type"), "the request type"));
        if (type == null) {
            LOG.log(Level.FINE, "ignoring an unknown request type: {0}", request.get("type"));
            return;
        }
        Object requestId = request.get("requestId");
        switch (type) {
            case SOCKETS -> {
                if (requests.isWaitingFor(requestId)) {
                    return;
                }
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("requestId", requestId);
                response.put("sockets", List.copyOf(super.sockets(Wire.strings(request.get("rooms")))));
                publishResponse(request, JsonWriter.stringify(response));
            }
            case ALL_ROOMS -> {
                if (requests.isWaitingFor(requestId)) {
                    return;
                }
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("requestId", requestId);
                response.put("rooms", List.copyOf(rooms()));
                publishResponse(request, JsonWriter.stringify(response));
            }
            case REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT -> onSocketsRequest(type, request);
            case REMOTE_FETCH -> {
                if (requests.isWaitingFor(requestId)) {
                    return;
                }
                List<SocketDetails> local = localDetails(Wire.readOpts(request.get("opts"), false));
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("requestId", requestId);
                response.put("sockets", Wire.sockets(local));
                publishResponse(request, JsonWriter.stringify(response));
            }
            case SERVER_SIDE_EMIT -> onServerSideEmitRequest(request);
            case BROADCAST -> onBroadcastRequest(request);
            default -> LOG.log(Level.FINE, "ignoring a request of type {0}", type);
        }
    }

    /** socketsJoin/socketsLeave/disconnectSockets (with opts), or the 7.x forms for one socket id. */
    private void onSocketsRequest(RequestType type, Map<String, Object> request) {
        Object opts = request.get("opts");
        if (opts != null) {
            BroadcastOptions targets = Wire.readOpts(opts, false);
            switch (type) {
                case REMOTE_JOIN -> super.addSockets(targets, Wire.strings(request.get("rooms")));
                case REMOTE_LEAVE -> super.delSockets(targets, Wire.strings(request.get("rooms")));
                default -> super.disconnectSockets(targets, Wire.truthy(request.get("close")));
            }
            return;
        }
        if (!(request.get("sid") instanceof String sid) || !host.isConnected(sid)) {
            return;
        }
        switch (type) {
            case REMOTE_JOIN -> host.join(sid, Set.of(String.valueOf(request.get("room"))));
            case REMOTE_LEAVE -> host.leave(sid, Set.of(String.valueOf(request.get("room"))));
            default -> host.disconnect(sid, Wire.truthy(request.get("close")));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("requestId", request.get("requestId"));
        publishResponse(request, JsonWriter.stringify(response));
    }

    private void onServerSideEmitRequest(Map<String, Object> request) {
        List<Object> data = list(request.get("data"), "the server-side emit data");
        Object requestId = request.get("requestId");
        if (requestId == null) {
            host.onServerSideEmit(data, null);
            return;
        }
        AtomicBoolean called = new AtomicBoolean();
        host.onServerSideEmit(data, reply -> {
            if (!called.compareAndSet(false, true)) {
                return; // one reply per node
            }
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("type", RequestType.SERVER_SIDE_EMIT.code());
            response.put("requestId", requestId);
            response.put("data", reply);
            publish(responseChannel, () -> JsonWriter.stringify(response).getBytes(StandardCharsets.UTF_8)); // node: always the common channel
        });
    }

    private void onBroadcastRequest(Map<String, Object> request) {
        Object requestId = request.get("requestId");
        if (requests.isCollectingAcks(requestId)) {
            return;
        }
        Map<String, Object> packet = map(request.get("packet"), "the packet");
        OutboundPacket out = host.packet(integer(packet.get("type"), "the packet type"), list(packet.get("data"), "the packet data"));
        BroadcastOptions opts = Wire.readOpts(request.get("opts"), false);
        // node passes rooms and except only; the timeout is kept so the host can forget late acks
        Map<String, Object> rawOpts = map(request.get("opts"), "opts");
        BroadcastOptions withTimeout = new BroadcastOptions(opts.rooms(), opts.except(),
                new BroadcastFlags(false, false, Wire.readFlags(rawOpts.get("flags")).timeout()));
        super.broadcastWithAck(out, withTimeout, count -> {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("type", RequestType.BROADCAST_CLIENT_COUNT.code());
            response.put("requestId", requestId);
            response.put("clientCount", count);
            publishResponse(request, JsonWriter.stringify(response));
        }, arg -> {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("type", RequestType.BROADCAST_ACK.code());
            response.put("requestId", requestId);
            response.put("packet", arg);
            publishResponse(request, MsgpackEncoder.encode(response));
        });
    }

    private void publishResponse(Map<String, Object> request, String json) {
        publishResponse(request, json.getBytes(StandardCharsets.UTF_8));
    }

    private void publishResponse(Map<String, Object> request, byte[] response) {
        String target = publishOnSpecificResponseChannel ? channels.response(String.valueOf(request.get("uid"))) : responseChannel;
        publish(target, () -> response);
    }

    // ---- responses to this node's requests -----------------------------------------------------

    private void onResponse(byte[] message) {
        Map<String, Object> response = map(Wire.decode(message), "a response");
        String requestId = String.valueOf(response.get("requestId"));
        AckRequest ack = requests.acks(requestId);
        if (ack != null) {
            RequestType type = RequestType.of(integer(response.get("type"), "the response type"));
            if (type == RequestType.BROADCAST_CLIENT_COUNT) {
                ack.clientCount().accept(integer(response.get("clientCount"), "clientCount"));
            } else if (type == RequestType.BROADCAST_ACK) {
                ack.ack().accept(response.get("packet"));
            }
            return;
        }
        PendingRequest<?> pending = requests.pending(requestId);
        if (pending == null) {
            return; // another node's request, or one that timed out
        }
        if (answer(pending, response)) {
            requests.done(requestId, pending);
        }
    }

    @SuppressWarnings("unchecked")
    private boolean answer(PendingRequest<?> pending, Map<String, Object> response) {
        RequestType type = RequestType.of(pending.type);
        switch (type) {
            case SOCKETS, ALL_ROOMS -> {
                Object items = response.get(type == RequestType.SOCKETS ? "sockets" : "rooms");
                if (!(items instanceof List<?> l)) {
                    pending.countOnly(); // node counts the answer and waits on
                    return false;
                }
                return ((PendingRequest<String>) pending).answer(List.copyOf(Wire.strings(l)));
            }
            case REMOTE_FETCH -> {
                if (!(response.get("sockets") instanceof List<?> l)) {
                    pending.countOnly();
                    return false;
                }
                List<SocketDetails> sockets = new ArrayList<>(l.size());
                for (Object s : l) {
                    sockets.add(Wire.readSocket(s));
                }
                return ((PendingRequest<SocketDetails>) pending).answer(sockets);
            }
            case SERVER_SIDE_EMIT -> {
                return ((PendingRequest<Object>) pending).answer(Collections.singletonList(response.get("data")));
            }
            default -> { // REMOTE_JOIN / REMOTE_LEAVE / REMOTE_DISCONNECT for one socket id
                return pending.answer(List.of());
            }
        }
    }

    // ---- cluster requests from this node -------------------------------------------------------

    /** The number of nodes serving this namespace ({@code PUBSUB NUMSUB}); 1 while Redis is away. */
    @Override
    public CompletionStage<Integer> serverCount() {
        return bus.serverCount(requestChannel, false);
    }

    @Override
    public CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
        List<SocketDetails> local = localDetails(options);
        return ClusterRequests.fetchSockets(options, local, this::serverCount, others -> {
            Map<String, Object> request = request(RequestType.REMOTE_FETCH);
            request.put("opts", Wire.opts(options));
            return this.<SocketDetails>ask(request, others, local, (r, e) -> "timeout reached while waiting for fetchSockets response");
        });
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.flags().local()) {
            Map<String, Object> request = socketsRequest(RequestType.REMOTE_JOIN, options);
            request.put("rooms", List.copyOf(rooms));
            publishJson(requestChannel, request);
        }
        super.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.flags().local()) {
            Map<String, Object> request = socketsRequest(RequestType.REMOTE_LEAVE, options);
            request.put("rooms", List.copyOf(rooms));
            publishJson(requestChannel, request);
        }
        super.delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.flags().local()) {
            Map<String, Object> request = socketsRequest(RequestType.REMOTE_DISCONNECT, options);
            request.put("close", close);
            publishJson(requestChannel, request);
        }
        super.disconnectSockets(options, close);
    }

    private Map<String, Object> socketsRequest(RequestType type, BroadcastOptions options) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", uid);
        request.put("type", type.code());
        request.put("opts", Wire.opts(options));
        return request;
    }

    @Override
    public void serverSideEmit(List<Object> data) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", uid);
        request.put("type", RequestType.SERVER_SIDE_EMIT.code());
        request.put("data", data);
        publishJson(requestChannel, request);
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data) {
        return ClusterRequests.fromOthers(serverCount(), List.<Object>of(), others -> {
            Map<String, Object> request = request(RequestType.SERVER_SIDE_EMIT); // the requestId asks for acks
            request.put("data", data);
            return this.<Object>ask(request, others, List.of(),
                    (received, expected) -> "timeout reached: only " + received + " responses received out of " + expected);
        });
    }

    /** Every room with a member on any node (node's {@code allRooms()}). */
    public CompletionStage<Set<String>> allRooms() {
        Set<String> local = rooms();
        return ClusterRequests.fromOthers(serverCount(), local, others ->
                this.<String>ask(request(RequestType.ALL_ROOMS), others, List.copyOf(local),
                        (r, e) -> "timeout reached while waiting for allRooms response").thenApply(LinkedHashSet::new));
    }

    /** The ids of the sockets in any of {@code rooms} on every node (the 7.x {@code sockets()} request). */
    public CompletionStage<Set<String>> allSockets(Set<String> rooms) {
        Set<String> local = sockets(rooms);
        return ClusterRequests.fromOthers(serverCount(), local, others -> {
            Map<String, Object> request = request(RequestType.SOCKETS);
            request.put("rooms", List.copyOf(rooms));
            return this.<String>ask(request, others, List.copyOf(local),
                    (r, e) -> "timeout reached while waiting for sockets response").thenApply(LinkedHashSet::new);
        });
    }

    /** Makes one socket, wherever it is, join a room (the 7.x {@code remoteJoin}). */
    public CompletionStage<Void> remoteJoin(String socketId, String room) {
        return onOneSocket(socketId, RequestType.REMOTE_JOIN, "remoteJoin", () -> host.join(socketId, Set.of(room)), "room", room);
    }

    /** Makes one socket, wherever it is, leave a room (the 7.x {@code remoteLeave}). */
    public CompletionStage<Void> remoteLeave(String socketId, String room) {
        return onOneSocket(socketId, RequestType.REMOTE_LEAVE, "remoteLeave", () -> host.leave(socketId, Set.of(room)), "room", room);
    }

    /** Disconnects one socket, wherever it is (the 7.x {@code remoteDisconnect}). */
    public CompletionStage<Void> remoteDisconnect(String socketId, boolean close) {
        return onOneSocket(socketId, RequestType.REMOTE_DISCONNECT, "remoteDisconnect", () -> host.disconnect(socketId, close), "close", close);
    }

    /** Does {@code here} when the socket is on this node; else asks the node that has it, with {@code key: value}. */
    private CompletionStage<Void> onOneSocket(String socketId, RequestType type, String operation, Runnable here, String key, Object value) {
        if (host.isConnected(socketId)) {
            here.run();
            return CompletableFuture.completedFuture(null);
        }
        Map<String, Object> request = request(type);
        request.put("sid", socketId);
        request.put(key, value);
        return ask(request, 1, List.of(), (r, e) -> "timeout reached while waiting for " + operation + " response").thenApply(x -> null);
    }

    /** {@code {uid, requestId, type}}, the start of every request that waits for answers. */
    private Map<String, Object> request(RequestType type) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", uid);
        request.put("requestId", Uids.uid2(6));
        request.put("type", type.code());
        return request;
    }

    /** Publishes a request and waits for {@code expected} answers, or the timeout. */
    private <T> CompletableFuture<List<T>> ask(Map<String, Object> request, int expected, List<T> initial,
            PendingRequest.TimeoutText timeoutText) {
        CompletableFuture<List<T>> answers = requests.await((String) request.get("requestId"), (Integer) request.get("type"),
                expected, initial, timeoutText, requestsTimeout);
        publishJson(requestChannel, request);
        return answers;
    }

    private void publishJson(String target, Map<String, Object> message) {
        publish(target, () -> JsonWriter.stringify(message).getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String target, Supplier<byte[]> encoder) {
        bus.send(target, false, encoder, LOG);
    }
}
