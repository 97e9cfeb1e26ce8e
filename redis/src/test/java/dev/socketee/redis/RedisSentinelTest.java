package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.adapter.BroadcastOptions;
import io.lettuce.core.RedisURI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code redis-sentinel://}: Lettuce asks the Sentinel for the master and the adapter works through it. */
class RedisSentinelTest {

    @Test
    void aClusterThroughSentinel() throws Exception {
        try (RedisServer master = RedisServer.start(); RedisServer sentinel = RedisServer.startSentinel(master)) {
            String uri = "redis-sentinel://127.0.0.1:" + sentinel.port + "#mymaster";
            assertEquals("mymaster", RedisURI.create(uri).getSentinelMasterId());
            try (TestCluster cluster = TestCluster.redis(uri, RedisTestSupport.options(), "/s", 2)) {
                cluster.host(1).connect("b", "room");
                cluster.settle();
                cluster.adapter(0).broadcast(new TestPacket(2, "/s", List.of("via-sentinel"), null), BroadcastOptions.rooms(Set.of("room")));
                cluster.host(1).await(h -> h.writes("via-sentinel").size() == 1, "via-sentinel");
                assertEquals(2, cluster.adapter(0).serverCount().toCompletableFuture().get());
                String key = ((RedisAdapterFactory) cluster.factories.get(0)).options().key();
                assertEquals("2", master.command("PUBSUB", "NUMSUB", key + "-request#/s#").get(1), "on the master Sentinel named");
            }
        }
    }
}
