package dev.socketee.redis;

/** The contract on two nodes sharing a real Redis (classic Pub/Sub). */
class RedisAdapter2NodesContractTest extends AdapterContractTest {

    @Override
    TestCluster newCluster(String nsp) {
        return TestCluster.redis(RedisServer.shared().uri(), RedisTestSupport.options(), nsp, 2);
    }
}
