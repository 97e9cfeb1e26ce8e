package dev.socketee.tck.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the cluster broker: a Socketee node on the Redis adapter (the embedded runner,
 * its built-in health endpoint) is ready while both Redis connections are up, not ready while
 * Redis is down, and ready again once the adapter has reconnected.
 */
class ClusterReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void readinessIsDownWhileRedisIsDown() throws Exception {
        try (RedisServer redis = RedisServer.startNew();
             SocketeeNode node = SocketeeNode.start("H", redis.uri(), "readiness", Map.of("socketee.health-path", "/health"))) {
            URI ready = URI.create(node.url() + "/health/ready");
            HttpResponse<String> up = await(ready, r -> r.statusCode() == 200);
            assertTrue(up.body().contains("\"adapter\":\"redis\""), up.body());
            redis.stop();
            HttpResponse<String> down = await(ready, r -> r.statusCode() == 503);
            assertTrue(down.body().contains("\"status\":\"DOWN\"") && down.body().contains("redis (broker not connected)"), down.body());
            redis.start();
            await(ready, r -> r.statusCode() == 200);
        }
    }

    /** Asks until the answer matches (the adapter notices Redis going and coming back on its own time). */
    private static HttpResponse<String> await(URI uri, Predicate<HttpResponse<String>> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> r;
        do {
            r = RawHttp.get(uri);
            if (match.test(r)) {
                return r;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // between requests, not a wait for the result
        } while (System.nanoTime() < deadline);
        throw new AssertionError(uri + " did not answer as expected within " + WAIT + ": " + r.statusCode() + " " + r.body());
    }
}
