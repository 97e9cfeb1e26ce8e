package dev.socketee.redis;

/** The contract on three nodes over sharded Pub/Sub (dynamic subscription mode, node's default). */
class ShardedRedisAdapterContractTest extends AdapterContractTest {

    @Override
    TestCluster newCluster(String nsp) {
        return TestCluster.redis(RedisServer.shared().uri(), RedisTestSupport.options().withSharded(true), nsp, 3);
    }
}
