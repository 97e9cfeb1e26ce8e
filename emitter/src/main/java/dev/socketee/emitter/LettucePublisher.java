package dev.socketee.emitter;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Publishes through Lettuce's asynchronous API on one connection, so messages reach Redis, and
 * every node, in the order they were emitted. While Redis is unreachable Lettuce reconnects by
 * itself and keeps the publishes (up to {@link EmitterOptions#maxQueuedPublishes()}) until it is
 * back. The publishes under way are tracked so {@link #close} can wait for them.
 */
final class LettucePublisher implements Publisher {

    private static final System.Logger LOG = System.getLogger(LettucePublisher.class.getName());
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;                                  // null when the caller owns it
    private final StatefulRedisConnection<byte[], byte[]> connection;  // null when the caller owns it
    private final BaseRedisAsyncCommands<byte[], byte[]> commands;
    private final Set<CompletableFuture<Long>> underway = ConcurrentHashMap.newKeySet();
    // publish holds the read lock from the closed check until its future is tracked; close takes the
    // write lock to set closed, so after it nothing new can slip past the flush
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    private LettucePublisher(RedisClient client, StatefulRedisConnection<byte[], byte[]> connection,
            BaseRedisAsyncCommands<byte[], byte[]> commands) {
        this.client = client;
        this.connection = connection;
        this.commands = commands;
    }

    /** Connects (the only blocking step, bounded by the URI's timeout, 60 s unless set). */
    static LettucePublisher connect(RedisURI uri, EmitterOptions options) {
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder().requestQueueSize(options.maxQueuedPublishes()).build());
        try {
            StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
            return new LettucePublisher(client, connection, connection.async());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
            throw e;
        }
    }

    /** On the caller's connection, which {@link #close} leaves open. */
    static LettucePublisher over(BaseRedisAsyncCommands<byte[], byte[]> commands) {
        return new LettucePublisher(null, null, commands);
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] message) {
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the emitter is closed");
            }
            CompletableFuture<Long> published =
                    commands.publish(channel.getBytes(StandardCharsets.UTF_8), message).toCompletableFuture();
            underway.add(published);
            published.whenComplete((receivers, failure) -> underway.remove(published));
            return published;
        } finally {
            closing.readLock().unlock();
        }
    }

    @Override
    public void close(Duration flushTimeout) {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        flush(flushTimeout);
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
        }
    }

    private void flush(Duration timeout) {
        CompletableFuture<?>[] pending = underway.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // a failed publish already failed the caller's stage; the others are done
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "{0} publishes not confirmed by Redis within {1}; closing anyway",
                    underway.size(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
