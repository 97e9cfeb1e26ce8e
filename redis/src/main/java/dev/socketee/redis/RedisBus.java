package dev.socketee.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The two Redis connections one {@link RedisAdapterFactory} shares among all its namespaces: one
 * to publish and ask (PUBLISH, SPUBLISH, PUBSUB NUMSUB), one held in subscribed state. Lettuce's
 * async API only; messages arrive on Lettuce's event loop and go to the listeners registered for
 * their channel, pattern or shard channel (several adapters may listen to one; Redis is told
 * once).
 *
 * <p>Faults: if Redis cannot be reached at start-up this logs one WARNING and keeps trying in the
 * background (the adapters serve their local sockets meanwhile); once connected, Lettuce reconnects
 * by itself and subscribes again to everything the connection had (channels, patterns and shard
 * channels: {@code StatefulRedisPubSubConnectionImpl#resubscribe}). While the publishing
 * connection is down, publishes fail at once and are dropped (at-most-once, as node's adapter is;
 * nothing piles up in memory); subscription changes made meanwhile wait and are sent on reconnect.
 */
final class RedisBus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisBus.class.getName());
    private static final Duration RETRY_MIN = Duration.ofMillis(50);
    private static final Duration RETRY_MAX = Duration.ofSeconds(2);

    enum Kind { CHANNEL, PATTERN, SHARD }

    /** A message from Redis: the channel it came on and its bytes. Called on Lettuce's event loop. */
    @FunctionalInterface
    interface Listener {
        void onMessage(String channel, byte[] message);
    }

    private record Key(Kind kind, String name) {
    }

    private final RedisURI uri;
    private final Duration commandTimeout;
    private final ClientResources resources;
    private final boolean ownResources;
    private final RedisClient pubClient;
    private final RedisClient subClient;
    private final Map<Key, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Set<Key> dropped = ConcurrentHashMap.newKeySet(); // removed while disconnected
    private final Object lock = new Object(); // orders subscription changes with the connection's arrival
    private final RateLimitedLog listenerErrors = new RateLimitedLog(LOG, 60_000);
    private final AtomicBoolean warnedDown = new AtomicBoolean();
    private volatile StatefulRedisConnection<byte[], byte[]> pub;
    private volatile StatefulRedisPubSubConnection<byte[], byte[]> sub;
    private volatile boolean closed;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    RedisBus(RedisURI uri, ClientResources shared, Duration commandTimeout) {
        this.uri = uri;
        this.commandTimeout = commandTimeout;
        this.ownResources = shared == null;
        this.resources = shared != null ? shared : DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(RETRY_MIN, RETRY_MAX, 2, TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(Duration.ofSeconds(5)).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(commandTimeout);
        this.pubClient = RedisClient.create(resources);
        this.pubClient.setOptions(ClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        this.subClient = RedisClient.create(resources);
        this.subClient.setOptions(ClientOptions.builder().socketOptions(socket).build());
        ConnectionLog connectionLog = new ConnectionLog();
        this.pubClient.addListener(connectionLog);
        this.subClient.addListener(connectionLog);
    }

    /** Starts connecting (never blocks). */
    void start() {
        connectPub(0);
        connectSub(0);
    }

    String describe() {
        return uri.toString(); // Lettuce masks the password
    }

    boolean isConnected() {
        StatefulRedisConnection<byte[], byte[]> p = pub;
        StatefulRedisPubSubConnection<byte[], byte[]> s = sub;
        return p != null && s != null && p.isOpen() && s.isOpen();
    }

    // ---- connecting ----------------------------------------------------------------------------

    private void connectPub(int attempt) {
        pubClient.connectAsync(ByteArrayCodec.INSTANCE, uri).whenComplete((c, failure) -> {
            if (failure != null) {
                retry(failure, attempt, () -> connectPub(attempt + 1));
            } else if (closed) {
                c.closeAsync();
            } else {
                pub = c;
                announceIfBack();
            }
        });
    }

    private void connectSub(int attempt) {
        subClient.connectPubSubAsync(ByteArrayCodec.INSTANCE, uri).whenComplete((c, failure) -> {
            if (failure != null) {
                retry(failure, attempt, () -> connectSub(attempt + 1));
                return;
            }
            if (closed) {
                c.closeAsync();
                return;
            }
            c.addListener(new Dispatcher());
            synchronized (lock) { // what was registered before the connection existed
                sub = c;
                for (Key key : listeners.keySet()) {
                    send(c, key, true);
                }
            }
            announceIfBack();
        });
    }

    private void retry(Throwable failure, int attempt, Runnable again) {
        if (closed) {
            return;
        }
        if (warnedDown.compareAndSet(false, true)) {
            LOG.warning("socketee-redis: cannot reach Redis at " + describe() + " (" + rootMessage(failure)
                    + "); serving this node's sockets only, joining the cluster when Redis answers");
        } else {
            LOG.log(Level.FINE, "Redis still unreachable: {0}", rootMessage(failure));
        }
        long delay = Math.min(RETRY_MAX.toMillis(), RETRY_MIN.toMillis() << Math.min(attempt, 10));
        schedule(again, Duration.ofMillis(delay));
    }

    /** Completes once both connections are up for the first time. */
    CompletionStage<Void> connected() {
        return connected;
    }

    private void announceIfBack() {
        if (isConnected()) {
            connected.complete(null);
        }
        if (isConnected() && warnedDown.compareAndSet(true, false)) {
            LOG.info("socketee-redis: connected to Redis at " + describe() + ", the cluster is joined");
        }
    }

    /** Lettuce reconnects by itself; this says so once per outage. */
    private final class ConnectionLog implements RedisConnectionStateListener {
        private final AtomicBoolean down = new AtomicBoolean();

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (!closed && (connection == pub || connection == sub) && down.compareAndSet(false, true)) {
                LOG.warning("socketee-redis: lost the connection to Redis at " + describe()
                        + "; reconnecting (messages between nodes are dropped until then)");
            }
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (closed) {
                return;
            }
            if (connection == sub) {
                resync();
            }
            if (down.get() && isConnected() && down.compareAndSet(true, false)) {
                LOG.info("socketee-redis: reconnected to Redis at " + describe());
            }
        }
    }

    // ---- subscriptions -------------------------------------------------------------------------

    /**
     * Adds a listener; Redis is asked to subscribe when it is the first for this name. Completes
     * when Redis confirmed (at once when not connected: the subscription is sent on connect).
     */
    CompletionStage<Void> subscribe(Kind kind, String name, Listener listener) {
        Key key = new Key(kind, name);
        synchronized (lock) {
            List<Listener> list = listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
            list.add(listener);
            StatefulRedisPubSubConnection<byte[], byte[]> c = sub;
            if (list.size() == 1 && c != null) {
                CompletionStage<Void> sent = send(c, key, true);
                return c.isOpen() ? within(sent) : CompletableFuture.completedFuture(null);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Removes a listener; Redis is asked to unsubscribe when it was the last one. Completes at once:
     * the listener gets nothing from now on, whatever Redis answers (or, while it is away, later).
     */
    CompletionStage<Void> unsubscribe(Kind kind, String name, Listener listener) {
        Key key = new Key(kind, name);
        synchronized (lock) {
            List<Listener> list = listeners.get(key);
            if (list == null || !list.remove(listener) || !list.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            listeners.remove(key);
            StatefulRedisPubSubConnection<byte[], byte[]> c = sub;
            if (c != null) {
                send(c, key, false);
                if (!c.isOpen()) {
                    dropped.add(key); // Lettuce may subscribe it again on reconnect: resync takes it back
                }
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * After a reconnect, once Lettuce's own resubscription went out (a PING behind it): the
     * subscriptions are made exactly ours again, those added meanwhile on, those dropped off
     * (Redis ignores a repeated SUBSCRIBE, so nothing is delivered twice).
     */
    private void resync() {
        StatefulRedisPubSubConnection<byte[], byte[]> c = sub;
        c.async().ping().whenComplete((pong, failure) -> {
            synchronized (lock) {
                for (Key key : listeners.keySet()) {
                    send(c, key, true);
                }
                for (Key key : dropped) {
                    if (!listeners.containsKey(key)) {
                        send(c, key, false);
                    }
                }
                dropped.clear();
            }
        });
    }

    /** Sends one (un)subscribe; a failure is logged, never thrown: Lettuce replays on reconnect. */
    private CompletionStage<Void> send(StatefulRedisPubSubConnection<byte[], byte[]> c, Key key, boolean on) {
        RedisPubSubAsyncCommands<byte[], byte[]> cmd = c.async();
        byte[] name = bytes(key.name());
        CompletionStage<Void> sent = switch (key.kind()) {
            case CHANNEL -> on ? cmd.subscribe(name) : cmd.unsubscribe(name);
            case PATTERN -> on ? cmd.psubscribe(name) : cmd.punsubscribe(name);
            case SHARD -> on ? cmd.ssubscribe(name) : cmd.sunsubscribe(name);
        };
        return sent.exceptionally(failure -> {
            LOG.log(Level.FINE, "(un)subscribing " + key + " failed: " + rootMessage(failure));
            return null;
        });
    }

    /** Completes when Redis has handled every subscription change sent before (a PING behind them). */
    CompletionStage<Void> settled() {
        StatefulRedisPubSubConnection<byte[], byte[]> c = sub;
        if (c == null || !c.isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        return within(c.async().ping().<Void>thenApply(pong -> null).exceptionally(f -> null));
    }

    /**
     * {@code stage}, or done anyway after the command timeout: a connection that drops right now
     * keeps the command and sends it on reconnect (and resync makes sure), nobody waits for that.
     */
    private CompletionStage<Void> within(CompletionStage<Void> stage) {
        CompletableFuture<Void> bounded = new CompletableFuture<>();
        stage.whenComplete((v, f) -> bounded.complete(null));
        schedule(() -> bounded.complete(null), commandTimeout);
        return bounded;
    }

    private final class Dispatcher extends RedisPubSubAdapter<byte[], byte[]> {
        @Override
        public void message(byte[] channel, byte[] message) {
            deliver(Kind.CHANNEL, string(channel), string(channel), message);
        }

        @Override
        public void message(byte[] pattern, byte[] channel, byte[] message) {
            deliver(Kind.PATTERN, string(pattern), string(channel), message);
        }

        @Override
        public void smessage(byte[] channel, byte[] message) {
            deliver(Kind.SHARD, string(channel), string(channel), message);
        }
    }

    private void deliver(Kind kind, String name, String channel, byte[] message) {
        List<Listener> list = listeners.get(new Key(kind, name));
        if (list == null) {
            return;
        }
        for (Listener l : list) {
            try {
                l.onMessage(channel, message);
            } catch (RuntimeException e) { // never into Lettuce's loop
                listenerErrors.warn("socketee-redis: a message on " + channel + " failed: " + e);
            }
        }
    }

    // ---- publishing and asking -----------------------------------------------------------------

    /** PUBLISH; fails at once (dropped) while Redis is away. */
    CompletionStage<Long> publish(String channel, byte[] message) {
        StatefulRedisConnection<byte[], byte[]> c = pub;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to Redis"));
        }
        return c.async().publish(bytes(channel), message);
    }

    CompletionStage<Long> spublish(String channel, byte[] message) {
        StatefulRedisConnection<byte[], byte[]> c = pub;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to Redis"));
        }
        return c.async().spublish(bytes(channel), message);
    }

    /**
     * Encodes and PUBLISHes (or SPUBLISHes); a failure (Redis away, a value that cannot be
     * encoded) is logged to {@code log} and the message dropped.
     */
    void send(String channel, boolean shard, Supplier<byte[]> encoder, Logger log) {
        byte[] message;
        try {
            message = encoder.get();
        } catch (IllegalArgumentException e) {
            log.log(Level.WARNING, "socketee-redis: cannot send to other nodes on " + channel + ": " + e.getMessage());
            return;
        }
        (shard ? spublish(channel, message) : publish(channel, message)).whenComplete((receivers, failure) -> {
            if (failure != null) {
                log.log(Level.FINE, "publishing on {0} failed: {1}", new Object[] {channel, rootMessage(failure)});
            }
        });
    }

    /** The number of nodes subscribed to {@code channel} (PUBSUB NUMSUB or SHARDNUMSUB); 1 while Redis is away. */
    CompletionStage<Integer> serverCount(String channel, boolean shard) {
        return numsub(channel, shard).handleAsync((n, failure) -> failure != null ? 1 : (int) Math.max(1, n), executor());
    }

    /** PUBSUB NUMSUB (or SHARDNUMSUB) of one channel: the number of subscribers. */
    CompletionStage<Long> numsub(String channel, boolean shard) {
        StatefulRedisConnection<byte[], byte[]> c = pub;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to Redis"));
        }
        byte[] name = bytes(channel);
        var answer = shard ? c.async().pubsubShardNumsub(name) : c.async().pubsubNumsub(name);
        return answer.thenApply(counts -> counts.values().stream().mapToLong(Long::longValue).sum()); // byte[] keys: no lookup
    }

    /** Runs later on Lettuce's computation threads (never its I/O loop). */
    void schedule(Runnable task, Duration delay) {
        if (!resources.eventExecutorGroup().isShuttingDown()) {
            resources.eventExecutorGroup().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Lettuce's computation threads: where results are handed to callers, off the I/O loop. */
    Executor executor() {
        return resources.eventExecutorGroup();
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<?> pubClosed = pub != null ? pub.closeAsync() : CompletableFuture.completedFuture(null);
        CompletableFuture<?> subClosed = sub != null ? sub.closeAsync() : CompletableFuture.completedFuture(null);
        CompletableFuture<Void> done = CompletableFuture.allOf(pubClosed, subClosed)
                .handle((v, f) -> null)
                .thenCompose(v -> CompletableFuture.allOf(pubClient.shutdownAsync(0, 2, TimeUnit.SECONDS),
                        subClient.shutdownAsync(0, 2, TimeUnit.SECONDS)));
        if (ownResources) {
            done = done.handle((v, f) -> null).thenCompose(v -> {
                CompletableFuture<Void> r = new CompletableFuture<>();
                resources.shutdown(0, 2, TimeUnit.SECONDS).addListener(x -> r.complete(null));
                return r;
            });
        }
        try { // bounded: the server is stopping and Lettuce's threads should be gone with it
            done.get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing the Redis client: " + e);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
