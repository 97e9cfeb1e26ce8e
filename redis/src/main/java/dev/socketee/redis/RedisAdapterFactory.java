package dev.socketee.redis;

import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.NamespaceHost;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Makes the Redis adapter of each namespace (node's {@code createAdapter(pub, sub, opts)} or, with
 * {@link RedisAdapterOptions#sharded()}, {@code createShardedAdapter}). One pair of Redis
 * connections serves every namespace; it starts connecting here, in the background, and a Redis
 * that is not there yet is not an error (see {@link RedisBus}). {@link #close()} shuts the client
 * down.
 *
 * <p>The URI is Lettuce's: {@code redis://[password@]host[:port][/database]}, {@code rediss://}
 * for TLS, {@code redis-sentinel://host[:port][,host2[:port2]][/database]#masterId}.
 */
public final class RedisAdapterFactory implements AdapterFactory {

    private static final Duration COMMAND_TIMEOUT_FLOOR = Duration.ofSeconds(2);

    private final RedisAdapterOptions options;
    private final RedisBus bus;

    public RedisAdapterFactory(String uri) {
        this(RedisURI.create(uri), RedisAdapterOptions.defaults());
    }

    public RedisAdapterFactory(String uri, RedisAdapterOptions options) {
        this(RedisURI.create(uri), options);
    }

    public RedisAdapterFactory(RedisURI uri, RedisAdapterOptions options) {
        this(uri, options, null);
    }

    /**
     * With Lettuce resources the application already has (threads, reconnect delay); they are left
     * running on {@link #close()}. Null: this factory makes its own and shuts them down.
     */
    public RedisAdapterFactory(RedisURI uri, RedisAdapterOptions options, ClientResources resources) {
        this.options = Objects.requireNonNull(options, "options");
        Duration commandTimeout = options.requestsTimeout().compareTo(COMMAND_TIMEOUT_FLOOR) > 0
                ? options.requestsTimeout() : COMMAND_TIMEOUT_FLOOR;
        this.bus = new RedisBus(Objects.requireNonNull(uri, "uri"), resources, commandTimeout);
        bus.start();
    }

    public RedisAdapterOptions options() {
        return options;
    }

    /**
     * Completes when both connections to Redis are up for the first time (never, while Redis
     * cannot be reached; nothing needs to wait for it: the adapters work locally meanwhile).
     */
    public CompletionStage<Void> connected() {
        return bus.connected();
    }

    /** Whether both connections to Redis are up now. */
    @Override
    public boolean isConnected() {
        return bus.isConnected();
    }

    @Override
    public Adapter create(NamespaceHost namespace) {
        return options.sharded()
                ? new ShardedRedisAdapter(namespace, bus, options)
                : new RedisAdapter(namespace, bus, options);
    }

    /**
     * Completes when Redis has handled every subscription change asked so far, e.g. a room's
     * channel in the sharded dynamic mode (tests and start-up checks; nothing needs to wait for it).
     */
    public CompletionStage<Void> settled() {
        return bus.settled();
    }

    @Override
    public void close() {
        bus.close();
    }
}
