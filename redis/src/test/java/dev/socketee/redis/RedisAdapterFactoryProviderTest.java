package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.AdapterFactoryProvider;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** {@code socketee.adapter=redis}: found by ServiceLoader, configured by the socketee.redis.* keys. */
class RedisAdapterFactoryProviderTest {

    static AdapterFactoryProvider provider() {
        for (AdapterFactoryProvider p : ServiceLoader.load(AdapterFactoryProvider.class)) {
            if (p.name().equals("redis")) {
                return p;
            }
        }
        throw new AssertionError("no provider named redis");
    }

    /** A loopback port nobody listens on: the factory starts, warns and retries in the background. */
    static String nowhere() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "redis://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void defaults() throws Exception {
        String uri = nowhere();
        try (AdapterFactory f = provider().create(Map.of("socketee.redis.uri", uri)::get)) {
            RedisAdapterFactory redis = (RedisAdapterFactory) f;
            assertEquals(RedisAdapterOptions.defaults(), redis.options());
            assertEquals("socket.io", redis.options().key());
            assertEquals(Duration.ofMillis(5000), redis.options().requestsTimeout());
        }
        assertEquals("redis://127.0.0.1:6379", RedisAdapterFactoryProvider.DEFAULT_URI);
    }

    @Test
    void everyKey() throws Exception {
        Map<String, String> config = Map.of(
                "socketee.redis.uri", nowhere() + "/3",
                "socketee.redis.key", "my-app",
                "socketee.redis.requests-timeout", "1234",
                "socketee.redis.sharded", "TRUE",
                "socketee.redis.subscription-mode", "dynamic-private",
                "socketee.redis.publish-on-specific-response-channel", "true");
        try (AdapterFactory f = provider().create(config::get)) {
            assertEquals(new RedisAdapterOptions("my-app", Duration.ofMillis(1234), true, true, ShardedSubscriptionMode.DYNAMIC_PRIVATE),
                    ((RedisAdapterFactory) f).options());
        }
    }

    @Test
    void badValuesNameTheirKey() {
        for (Map.Entry<String, String> bad : Map.of(
                "socketee.redis.requests-timeout", "soon",
                "socketee.redis.sharded", "yes",
                "socketee.redis.subscription-mode", "sometimes",
                "socketee.redis.uri", "http://example.org").entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider().create(Map.of(bad.getKey(), bad.getValue())::get).close());
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
    }
}
