package dev.socketee.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis adapter, named as node's: {@code key} the channel prefix
 * ("socket.io"), {@code requestsTimeout} how long a cluster request waits for the other nodes
 * (5 s), {@code publishOnSpecificResponseChannel} whether responses go to the requester's own
 * channel (false, as node 8.x), {@code sharded} sharded Pub/Sub (SSUBSCRIBE/SPUBLISH, Redis 7)
 * instead of the classic channels, with its {@code subscriptionMode} (dynamic, node's default).
 */
public record RedisAdapterOptions(String key, Duration requestsTimeout, boolean publishOnSpecificResponseChannel,
        boolean sharded, ShardedSubscriptionMode subscriptionMode) {

    public static final String DEFAULT_KEY = "socket.io";
    public static final Duration DEFAULT_REQUESTS_TIMEOUT = Duration.ofMillis(5000);

    public RedisAdapterOptions {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestsTimeout, "requestsTimeout");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the key prefix is empty");
        }
        if (requestsTimeout.isNegative() || requestsTimeout.isZero()) {
            throw new IllegalArgumentException("requestsTimeout must be positive: " + requestsTimeout);
        }
        subscriptionMode = subscriptionMode == null ? ShardedSubscriptionMode.DYNAMIC : subscriptionMode;
    }

    public RedisAdapterOptions(String key, Duration requestsTimeout, boolean publishOnSpecificResponseChannel, boolean sharded) {
        this(key, requestsTimeout, publishOnSpecificResponseChannel, sharded, ShardedSubscriptionMode.DYNAMIC);
    }

    public static RedisAdapterOptions defaults() {
        return new RedisAdapterOptions(DEFAULT_KEY, DEFAULT_REQUESTS_TIMEOUT, false, false);
    }

    public RedisAdapterOptions withKey(String k) {
        return new RedisAdapterOptions(k, requestsTimeout, publishOnSpecificResponseChannel, sharded, subscriptionMode);
    }

    public RedisAdapterOptions withRequestsTimeout(Duration t) {
        return new RedisAdapterOptions(key, t, publishOnSpecificResponseChannel, sharded, subscriptionMode);
    }

    public RedisAdapterOptions withPublishOnSpecificResponseChannel(boolean on) {
        return new RedisAdapterOptions(key, requestsTimeout, on, sharded, subscriptionMode);
    }

    public RedisAdapterOptions withSharded(boolean on) {
        return new RedisAdapterOptions(key, requestsTimeout, publishOnSpecificResponseChannel, on, subscriptionMode);
    }

    public RedisAdapterOptions withSubscriptionMode(ShardedSubscriptionMode mode) {
        return new RedisAdapterOptions(key, requestsTimeout, publishOnSpecificResponseChannel, sharded, mode);
    }
}
