package dev.socketee.redis;

import static dev.socketee.redis.Wire.integer;
import static dev.socketee.redis.Wire.list;
import static dev.socketee.redis.Wire.map;

import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.NamespaceHost;
import dev.socketee.adapter.OutboundPacket;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.redis.wire.JsonWriter;
import dev.socketee.redis.wire.MalformedMessageException;
import dev.socketee.redis.wire.MsgpackEncoder;
import dev.socketee.redis.wire.NamespaceChannels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The adapter of one namespace on Redis 7 sharded Pub/Sub, as @socket.io/redis-adapter 8.x's
 * {@code createShardedAdapter}: socket.io-adapter's ClusterAdapter messages
 * {@code {type, data, uid, nsp}} (JSON, or msgpack when the data holds binary), SPUBLISHed on
 * {@code <key>#<nsp>#}, responses on the requester's {@code <key>#<nsp>#<uid>#}, and in the
 * dynamic modes a broadcast to one public room on {@code <key>#<nsp>#<room>#}, which only the
 * nodes with a member of that room subscribe to. The number of nodes is
 * {@code PUBSUB SHARDNUMSUB <key>#<nsp>#}; the uid is 16 hex digits, as ClusterAdapter's.
 */
public class ShardedRedisAdapter extends InMemoryAdapter {

    private static final Logger LOG = Logger.getLogger(ShardedRedisAdapter.class.getName());

    private final RedisBus bus;
    private final Duration requestsTimeout;
    private final ShardedSubscriptionMode mode;
    private final String uid = Uids.hex16();
    private final NamespaceChannels channels;
    private final String channel;
    private final String responseChannel;
    private final ClusterRequests requests;
    private final Set<String> roomChannels = new HashSet<>(); // rooms whose channel is subscribed, under roomLock
    private final Object roomLock = new Object();
    private final RedisBus.Listener listener = this::onRawMessage;
    private static final RateLimitedLog MALFORMED = new RateLimitedLog(LOG, 60_000); // one line a minute for all namespaces
    private volatile boolean closed;

    ShardedRedisAdapter(NamespaceHost host, RedisBus bus, RedisAdapterOptions options) {
        super(host);
        this.bus = bus;
        this.requests = new ClusterRequests(bus);
        this.requestsTimeout = options.requestsTimeout();
        this.mode = options.subscriptionMode();
        this.channels = new NamespaceChannels(options.key(), host.name());
        this.channel = channels.broadcast();
        this.responseChannel = channels.room(uid); // a node's responses come on a channel named as a room's
    }

    /** This node's id in the cluster (16 hex digits, as ClusterAdapter's). */
    public String uid() {
        return uid;
    }

    @Override
    public CompletionStage<Void> init() {
        return CompletableFuture.allOf(
                bus.subscribe(RedisBus.Kind.SHARD, channel, listener).toCompletableFuture(),
                bus.subscribe(RedisBus.Kind.SHARD, responseChannel, listener).toCompletableFuture());
    }

    @Override
    public CompletionStage<Void> close() {
        closed = true;
        List<CompletableFuture<Void>> done = new ArrayList<>();
        done.add(bus.unsubscribe(RedisBus.Kind.SHARD, channel, listener).toCompletableFuture());
        done.add(bus.unsubscribe(RedisBus.Kind.SHARD, responseChannel, listener).toCompletableFuture());
        synchronized (roomLock) {
            for (String room : roomChannels) {
                done.add(bus.unsubscribe(RedisBus.Kind.SHARD, channels.room(room), listener).toCompletableFuture());
            }
            roomChannels.clear();
        }
        requests.close(host.name());
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    // ---- the channel of each room (node's create-room / delete-room listeners) -----------------

    @Override
    public void addAll(String socketId, Set<String> rooms) {
        List<String> created = new ArrayList<>();
        for (String room : rooms) {
            if (!hasRoom(room)) {
                created.add(room);
            }
        }
        super.addAll(socketId, rooms);
        created.forEach(this::updateRoomChannel);
    }

    @Override
    public void del(String socketId, String room) {
        super.del(socketId, room);
        if (!hasRoom(room)) {
            updateRoomChannel(room);
        }
    }

    @Override
    public void delAll(String socketId) {
        Set<String> rooms = socketRooms(socketId);
        super.delAll(socketId);
        for (String room : rooms) {
            if (!hasRoom(room)) {
                updateRoomChannel(room);
            }
        }
    }

    /**
     * Subscribes or unsubscribes the room's channel to match whether the room exists now. Each
     * change of a room's existence is followed by this call, and the decisions are made and sent
     * under one lock, so Redis ends in the state of the last change.
     */
    private void updateRoomChannel(String room) {
        if (mode == ShardedSubscriptionMode.STATIC) {
            return;
        }
        synchronized (roomLock) {
            if (closed) {
                return;
            }
            boolean wanted = hasRoom(room) && separateChannel(room);
            if (wanted && roomChannels.add(room)) {
                bus.subscribe(RedisBus.Kind.SHARD, channels.room(room), listener);
            } else if (!wanted && roomChannels.remove(room)) {
                bus.unsubscribe(RedisBus.Kind.SHARD, channels.room(room), listener);
            }
        }
    }

    /**
     * node's shouldUseASeparateNamespace (public rooms in dynamic mode, every room in
     * dynamic-private), widened to what a sender decides: node publishes a one-room broadcast on
     * the room's channel unless the name has 20 characters, its socket ids' length (Socketee's
     * too). So a socket id of another length (another implementation's) gets its channel too, or
     * a node.js peer's {@code io.to(id).emit()} would never arrive.
     */
    private boolean separateChannel(String room) {
        boolean isPublic = socketRooms(room).isEmpty(); // a socket's own room is private
        return mode == ShardedSubscriptionMode.DYNAMIC_PRIVATE
                || (mode == ShardedSubscriptionMode.DYNAMIC && (isPublic || !looksLikeASocketId(room)));
    }

    /** node's test for a room that is a socket id, by length alone. */
    private static boolean looksLikeASocketId(String room) {
        return room.length() == 20;
    }

    // ---- publishing ----------------------------------------------------------------------------

    /** node's computeChannel: a plain broadcast to one room goes on that room's channel. */
    private String channelFor(MessageType type, Map<String, Object> data, BroadcastOptions options) {
        if (type != MessageType.BROADCAST || data.containsKey("requestId") || options.rooms().size() != 1) {
            return channel;
        }
        String room = options.rooms().iterator().next();
        boolean dynamic = (mode == ShardedSubscriptionMode.DYNAMIC && !looksLikeASocketId(room))
                || mode == ShardedSubscriptionMode.DYNAMIC_PRIVATE;
        return dynamic ? channels.room(room) : channel;
    }

    private void publish(MessageType type, Map<String, Object> data, BroadcastOptions options) {
        spublish(channelFor(type, data, options), message(type, data));
    }

    private void publishResponse(Object requesterUid, MessageType type, Map<String, Object> data) {
        spublish(channels.room(String.valueOf(requesterUid)), message(type, data));
    }

    /** {@code {type, data, uid, nsp}} in that order, as ClusterAdapter builds it. */
    private Map<String, Object> message(MessageType type, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>(6);
        m.put("type", type.code());
        if (data != null) {
            m.put("data", data);
        }
        m.put("uid", uid);
        m.put("nsp", host.name());
        return m;
    }

    private void spublish(String target, Map<String, Object> message) {
        bus.send(target, true, () -> encode(message), LOG);
    }

    /** msgpack when the data holds binary, JSON otherwise (ClusterAdapter's choice). */
    private static byte[] encode(Map<String, Object> message) {
        MessageType type = MessageType.of((Integer) message.get("type"));
        boolean binary = type.mayContainBinary() && Wire.hasBinary(message.get("data"));
        return binary ? MsgpackEncoder.encode(message) : JsonWriter.stringify(message).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    // ---- operations ----------------------------------------------------------------------------

    @Override
    public void broadcast(OutboundPacket packet, BroadcastOptions options) {
        if (!options.flags().local()) {
            publish(MessageType.BROADCAST, data("packet", Wire.packet(packet, null), "opts", Wire.optsWithFlags(options)), options);
        }
        super.broadcast(packet, options);
    }

    @Override
    public void broadcastWithAck(OutboundPacket packet, BroadcastOptions options, IntConsumer clientCount, Consumer<Object> ack) {
        if (!options.flags().local()) {
            String requestId = Uids.hex16();
            requests.expectAcks(requestId, clientCount, ack, options.flags().timeout() != null ? options.flags().timeout() : requestsTimeout);
            publish(MessageType.BROADCAST, data("packet", Wire.packet(packet, null), "requestId", requestId,
                    "opts", Wire.optsWithFlags(options)), options);
        }
        super.broadcastWithAck(packet, options, clientCount, ack);
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.flags().local()) {
            publish(MessageType.SOCKETS_JOIN, data("opts", Wire.optsWithFlags(options), "rooms", List.copyOf(rooms)), options);
        }
        super.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        if (!options.flags().local()) {
            publish(MessageType.SOCKETS_LEAVE, data("opts", Wire.optsWithFlags(options), "rooms", List.copyOf(rooms)), options);
        }
        super.delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.flags().local()) {
            publish(MessageType.DISCONNECT_SOCKETS, data("opts", Wire.optsWithFlags(options), "close", close), options);
        }
        super.disconnectSockets(options, close);
    }

    /** {@code PUBSUB SHARDNUMSUB} of the namespace channel; 1 while Redis is away. */
    @Override
    public CompletionStage<Integer> serverCount() {
        return bus.serverCount(channel, true);
    }

    @Override
    public CompletionStage<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
        List<SocketDetails> local = localDetails(options);
        return ClusterRequests.fetchSockets(options, local, this::serverCount, others -> {
            String requestId = Uids.hex16();
            Duration timeout = options.flags().timeout() != null ? options.flags().timeout() : requestsTimeout;
            CompletableFuture<List<SocketDetails>> answer = ask(requestId, MessageType.FETCH_SOCKETS, others, local, timeout);
            publish(MessageType.FETCH_SOCKETS, data("opts", Wire.optsWithFlags(options), "requestId", requestId), options);
            return answer;
        });
    }

    @Override
    public void serverSideEmit(List<Object> data) {
        publish(MessageType.SERVER_SIDE_EMIT, data("packet", data), BroadcastOptions.all());
    }

    @Override
    public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data) {
        return ClusterRequests.fromOthers(serverCount(), List.<Object>of(), others -> {
            String requestId = Uids.hex16();
            CompletableFuture<List<Object>> answer = ask(requestId, MessageType.SERVER_SIDE_EMIT, others, List.of(), requestsTimeout);
            publish(MessageType.SERVER_SIDE_EMIT, data("requestId", requestId, "packet", data), BroadcastOptions.all());
            return answer;
        });
    }

    private <T> CompletableFuture<List<T>> ask(String requestId, MessageType type, int expected, List<T> initial, Duration timeout) {
        return requests.await(requestId, type.code(), expected, initial,
                (received, of) -> "timeout reached: only " + received + " responses received out of " + of, timeout);
    }

    // ---- messages from other nodes -------------------------------------------------------------

    private void onRawMessage(String on, byte[] raw) {
        try {
            Map<String, Object> message = map(Wire.decode(raw), "a message");
            if (on.equals(responseChannel)) {
                onResponse(message);
            } else {
                onMessage(message);
            }
        } catch (MalformedMessageException | ClassCastException e) {
            MALFORMED.warn("socketee-redis: ignoring a malformed message on " + on + ": " + e.getMessage());
        }
    }

    private void onMessage(Map<String, Object> message) {
        if (uid.equals(message.get("uid")) || !host.name().equals(message.get("nsp"))) {
            return;
        }
        MessageType type = MessageType.of(integer(message.get("type"), "the message type"));
        if (type == null) {
            LOG.log(Level.FINE, "ignoring an unknown message type: {0}", message.get("type"));
            return;
        }
        switch (type) {
            case BROADCAST -> onBroadcast(message);
            case SOCKETS_JOIN -> {
                Map<String, Object> data = map(message.get("data"), "data");
                super.addSockets(Wire.readOpts(data.get("opts"), true), Wire.strings(data.get("rooms")));
            }
            case SOCKETS_LEAVE -> {
                Map<String, Object> data = map(message.get("data"), "data");
                super.delSockets(Wire.readOpts(data.get("opts"), true), Wire.strings(data.get("rooms")));
            }
            case DISCONNECT_SOCKETS -> {
                Map<String, Object> data = map(message.get("data"), "data");
                super.disconnectSockets(Wire.readOpts(data.get("opts"), true), Wire.truthy(data.get("close")));
            }
            case FETCH_SOCKETS -> {
                Map<String, Object> data = map(message.get("data"), "data");
                List<SocketDetails> local = localDetails(Wire.readOpts(data.get("opts"), true));
                publishResponse(message.get("uid"), MessageType.FETCH_SOCKETS_RESPONSE,
                        data("requestId", data.get("requestId"), "sockets", Wire.sockets(local)));
            }
            case SERVER_SIDE_EMIT -> onServerSideEmit(message);
            case FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT_RESPONSE, BROADCAST_CLIENT_COUNT, BROADCAST_ACK -> onResponse(message);
            default -> { // heartbeats and ADAPTER_CLOSE: the sharded adapter counts nodes with SHARDNUMSUB
            }
        }
    }

    private void onBroadcast(Map<String, Object> message) {
        Map<String, Object> data = map(message.get("data"), "data");
        Map<String, Object> packet = map(data.get("packet"), "the packet");
        OutboundPacket out = host.packet(integer(packet.get("type"), "the packet type"), list(packet.get("data"), "the packet data"));
        BroadcastOptions opts = Wire.readOpts(data.get("opts"), true);
        Object requestId = data.get("requestId");
        if (requestId == null) {
            super.broadcast(out, opts);
            return;
        }
        Object requester = message.get("uid");
        super.broadcastWithAck(out, opts,
                count -> publishResponse(requester, MessageType.BROADCAST_CLIENT_COUNT, data("requestId", requestId, "clientCount", count)),
                arg -> publishResponse(requester, MessageType.BROADCAST_ACK, data("requestId", requestId, "packet", arg)));
    }

    private void onServerSideEmit(Map<String, Object> message) {
        Map<String, Object> data = map(message.get("data"), "data");
        List<Object> packet = list(data.get("packet"), "the server-side emit packet");
        Object requestId = data.get("requestId");
        if (requestId == null) {
            host.onServerSideEmit(packet, null);
            return;
        }
        Object requester = message.get("uid");
        AtomicBoolean called = new AtomicBoolean();
        host.onServerSideEmit(packet, reply -> {
            if (called.compareAndSet(false, true)) {
                publishResponse(requester, MessageType.SERVER_SIDE_EMIT_RESPONSE, data("requestId", requestId, "packet", reply));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void onResponse(Map<String, Object> response) {
        MessageType type = MessageType.of(integer(response.get("type"), "the response type"));
        Map<String, Object> data = map(response.get("data"), "data");
        String requestId = String.valueOf(data.get("requestId"));
        if (type == MessageType.BROADCAST_CLIENT_COUNT || type == MessageType.BROADCAST_ACK) {
            AckRequest ack = requests.acks(requestId);
            if (ack != null && type == MessageType.BROADCAST_CLIENT_COUNT) {
                ack.clientCount().accept(integer(data.get("clientCount"), "clientCount"));
            } else if (ack != null) {
                ack.ack().accept(data.get("packet"));
            }
            return;
        }
        PendingRequest<?> pending = requests.pending(requestId);
        if (pending == null) {
            return;
        }
        boolean complete;
        if (type == MessageType.FETCH_SOCKETS_RESPONSE) {
            List<SocketDetails> sockets = new ArrayList<>();
            for (Object s : list(data.get("sockets"), "the sockets")) {
                sockets.add(Wire.readSocket(s));
            }
            complete = ((PendingRequest<SocketDetails>) pending).answer(sockets);
        } else if (type == MessageType.SERVER_SIDE_EMIT_RESPONSE) {
            complete = ((PendingRequest<Object>) pending).answer(Collections.singletonList(data.get("packet")));
        } else {
            return;
        }
        if (complete) {
            requests.done(requestId, pending);
        }
    }
}
