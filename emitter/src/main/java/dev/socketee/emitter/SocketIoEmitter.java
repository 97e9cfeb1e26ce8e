package dev.socketee.emitter;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Emits to the sockets of a Socket.IO cluster from any JVM, through the cluster's Redis: a plain
 * {@code main}, a batch job, a message-driven bean. Write-only: it is no node and has no sockets;
 * the receiving nodes, Socketee with socketee-redis or node.js with {@code @socket.io/redis-adapter},
 * deliver to their own clients. Wire-compatible with node's {@code @socket.io/redis-emitter} 5.x.
 *
 * <pre>{@code
 * try (SocketIoEmitter emitter = SocketIoEmitter.create("redis://localhost:6379")) {
 *     emitter.emit("announcement", "maintenance at 22:00");          // every socket of "/"
 *     emitter.of("/chat").to("room-1").except("muted").emit("message", line);
 *     emitter.to("user-42").socketsJoin("beta");
 *     emitter.of("/admin").disconnectSockets(true);
 * }
 * }</pre>
 *
 * <p>Every operation publishes without waiting and returns Redis's answer; wait on it only if you
 * must ({@code .toCompletableFuture().join()}). Messages are published in the order they are
 * emitted, on one connection, from any thread. Delivery is node's: at most once; a node that is
 * not subscribed when the message passes (starting, or cut off from Redis) never sees it.
 *
 * <p>Only a single-room emit goes to that room's channel; the sharded adapter
 * ({@code createShardedAdapter}, SPUBLISH) speaks another format that node's emitter does not
 * support either.
 */
public final class SocketIoEmitter implements AutoCloseable {

    private final Publisher publisher;
    private final EmitterOptions options;
    private final NamespaceEmitter root;

    SocketIoEmitter(Publisher publisher, EmitterOptions options) {
        this.publisher = publisher;
        this.options = options;
        this.root = of("/");
    }

    /**
     * Connects to Redis with default options ({@code socket.io} key prefix, MessagePack).
     *
     * @param redisUri e.g. {@code redis://localhost:6379}, {@code rediss://:password@host:6380/2},
     *                 {@code redis-sentinel://host:26379#mymaster}: Lettuce's URI syntax
     * @throws io.lettuce.core.RedisConnectionException when Redis cannot be reached
     */
    public static SocketIoEmitter create(String redisUri) {
        return create(redisUri, EmitterOptions.defaults());
    }

    /** Connects to Redis; see {@link #create(String)}. */
    public static SocketIoEmitter create(String redisUri, EmitterOptions options) {
        return create(RedisURI.create(Objects.requireNonNull(redisUri, "redisUri")), options);
    }

    /**
     * Connects to Redis: the only call that waits, for the connection (bounded by the URI's timeout,
     * 60 s unless set). {@link #close()} closes that connection.
     */
    public static SocketIoEmitter create(RedisURI redisUri, EmitterOptions options) {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(options, "options");
        return new SocketIoEmitter(LettucePublisher.connect(redisUri, options), options);
    }

    /**
     * Publishes on a connection of the caller's (a Redis Cluster connection, a shared client with
     * its own tuning), e.g. {@code redisClient.connect(ByteArrayCodec.INSTANCE).async()};
     * {@link #close()} waits for the publishes under way and leaves the connection open.
     */
    public static SocketIoEmitter using(BaseRedisAsyncCommands<byte[], byte[]> commands, EmitterOptions options) {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(options, "options");
        return new SocketIoEmitter(LettucePublisher.over(commands), options);
    }

    /** The options this emitter was created with. */
    public EmitterOptions options() {
        return options;
    }

    /** Every socket of a namespace ({@code "chat"} means {@code "/chat"}, as in node). */
    public NamespaceEmitter of(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        String name = namespace.startsWith("/") ? namespace : "/" + namespace;
        return new NamespaceEmitter(new NamespaceWire(publisher, options, name));
    }

    /** The sockets of these rooms in {@code "/"}. */
    public BroadcastOperator to(String... rooms) {
        return root.to(rooms);
    }

    /** The sockets of these rooms in {@code "/"}. */
    public BroadcastOperator to(Collection<String> rooms) {
        return root.to(rooms);
    }

    /** Same as {@link #to(String...)}. */
    public BroadcastOperator in(String... rooms) {
        return root.to(rooms);
    }

    /** Every socket of {@code "/"} but those of these rooms. */
    public BroadcastOperator except(String... rooms) {
        return root.except(rooms);
    }

    /** Every socket of {@code "/"} but those of these rooms. */
    public BroadcastOperator except(Collection<String> rooms) {
        return root.except(rooms);
    }

    /** Every socket of {@code "/"}, volatile; see {@link BroadcastOperator#asVolatile()}. */
    public BroadcastOperator asVolatile() {
        return root.asVolatile();
    }

    /** Every socket of {@code "/"}, with the compress flag. */
    public BroadcastOperator compress(boolean compress) {
        return root.compress(compress);
    }

    /** Emits to every socket of {@code "/"}; see {@link BroadcastOperator#emit(String, Object...)}. */
    public CompletionStage<Long> emit(String event, Object... args) {
        return root.emit(event, args);
    }

    /** Makes every socket of {@code "/"} join {@code rooms}. */
    public CompletionStage<Long> socketsJoin(String... rooms) {
        return root.socketsJoin(rooms);
    }

    /** Makes every socket of {@code "/"} leave {@code rooms}. */
    public CompletionStage<Long> socketsLeave(String... rooms) {
        return root.socketsLeave(rooms);
    }

    /** Disconnects every socket of {@code "/"}. */
    public CompletionStage<Long> disconnectSockets(boolean close) {
        return root.disconnectSockets(close);
    }

    /** A server-side event to the servers' {@code "/"} namespace; see {@link NamespaceEmitter#serverSideEmit}. */
    public CompletionStage<Long> serverSideEmit(String event, Object... args) {
        return root.serverSideEmit(event, args);
    }

    /**
     * Refuses further emits, waits for Redis to confirm those under way (at most
     * {@link EmitterOptions#flushTimeout()}), then closes the connection it opened.
     */
    @Override
    public void close() {
        publisher.close(options.flushTimeout());
    }
}
