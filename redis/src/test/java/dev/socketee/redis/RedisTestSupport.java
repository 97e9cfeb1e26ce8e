package dev.socketee.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Options for the tests: a key of its own per cluster (one Redis serves them all), short timeouts. */
final class RedisTestSupport {

    private static final AtomicInteger KEYS = new AtomicInteger();

    private RedisTestSupport() {
    }

    static RedisAdapterOptions options() {
        return RedisAdapterOptions.defaults()
                .withKey("test" + KEYS.incrementAndGet())
                .withRequestsTimeout(Duration.ofMillis(600));
    }
}
