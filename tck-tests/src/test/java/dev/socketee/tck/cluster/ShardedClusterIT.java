package dev.socketee.tck.cluster;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ClusterIT}'s cluster on sharded Pub/Sub (Redis 7's SSUBSCRIBE/SPUBLISH): the Socketee nodes
 * with {@code socketee.redis.sharded=true}, the node.js node with {@code createShardedAdapter}, both
 * in node's default dynamic subscription mode. Every test of ClusterIT runs here too, except the
 * emitters': node's redis-emitter 5.x (and so Socketee's) publishes with PUBLISH, which a sharded
 * cluster does not hear.
 */
class ShardedClusterIT extends ClusterIT {

    @BeforeAll
    void redis7() {
        Assumptions.assumeTrue(RedisServer.shared().majorVersion() >= 7, "sharded Pub/Sub needs Redis 7");
    }

    @Override
    protected String key() {
        return "sharded-cluster-it";
    }

    @Override
    protected Map<String, String> socketeeOptions() {
        return Map.of("socketee.redis.sharded", "true");
    }

    @Override
    protected List<String> peerOptions() {
        return List.of("sharded=true");
    }

    @Override
    @Test
    void nodesRedisEmitterAndSocketeesEmitterReachSocketeeClients() {
        Assumptions.abort("the emitters publish with PUBLISH; a sharded cluster listens with SSUBSCRIBE (as node's)");
    }
}
