package dev.socketee.redis;

import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.AdapterFactoryProvider;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code socketee.adapter=redis}: the Redis adapter, configured by
 * <ul>
 * <li>{@code socketee.redis.uri} (redis://127.0.0.1:6379; rediss:// for TLS, password and
 * /database as Lettuce reads them, redis-sentinel://);</li>
 * <li>{@code socketee.redis.key} (socket.io), the channel prefix every node of the cluster shares;</li>
 * <li>{@code socketee.redis.requests-timeout} (5000, milliseconds);</li>
 * <li>{@code socketee.redis.sharded} (false): sharded Pub/Sub, Redis 7;</li>
 * <li>{@code socketee.redis.subscription-mode} (dynamic; static, dynamic-private): sharded only;</li>
 * <li>{@code socketee.redis.publish-on-specific-response-channel} (false).</li>
 * </ul>
 */
public final class RedisAdapterFactoryProvider implements AdapterFactoryProvider {

    public static final String DEFAULT_URI = "redis://127.0.0.1:6379";

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public AdapterFactory create(Function<String, String> config) {
        String uri = value(config, "socketee.redis.uri", DEFAULT_URI);
        RedisAdapterOptions options = new RedisAdapterOptions(
                value(config, "socketee.redis.key", RedisAdapterOptions.DEFAULT_KEY),
                Duration.ofMillis(millis(config, "socketee.redis.requests-timeout")),
                bool(config, "socketee.redis.publish-on-specific-response-channel"),
                bool(config, "socketee.redis.sharded"),
                mode(config));
        try {
            return new RedisAdapterFactory(uri, options);
        } catch (IllegalArgumentException e) { // Lettuce's word on a URI it cannot read
            throw new IllegalArgumentException("socketee.redis.uri: " + e.getMessage(), e);
        }
    }

    private static String value(Function<String, String> config, String key, String fallback) {
        String v = config.apply(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static long millis(Function<String, String> config, String key) {
        String v = value(config, key, String.valueOf(RedisAdapterOptions.DEFAULT_REQUESTS_TIMEOUT.toMillis()));
        try {
            long ms = Long.parseLong(v);
            if (ms <= 0) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive number of milliseconds, not '" + v + "'");
        }
    }

    private static boolean bool(Function<String, String> config, String key) {
        String v = value(config, key, "false").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
        };
    }

    private static ShardedSubscriptionMode mode(Function<String, String> config) {
        String key = "socketee.redis.subscription-mode";
        String v = value(config, key, "dynamic");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "static" -> ShardedSubscriptionMode.STATIC;
            case "dynamic" -> ShardedSubscriptionMode.DYNAMIC;
            case "dynamic-private" -> ShardedSubscriptionMode.DYNAMIC_PRIVATE;
            default -> throw new IllegalArgumentException(key + " must be static, dynamic or dynamic-private, not '" + v + "'");
        };
    }
}
