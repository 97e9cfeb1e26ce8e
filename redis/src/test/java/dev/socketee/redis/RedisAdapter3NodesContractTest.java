package dev.socketee.redis;

/** The contract on three nodes sharing a real Redis, responses on each requester's own channel. */
class RedisAdapter3NodesContractTest extends AdapterContractTest {

    @Override
    TestCluster newCluster(String nsp) {
        return TestCluster.redis(RedisServer.shared().uri(),
                RedisTestSupport.options().withPublishOnSpecificResponseChannel(true), nsp, 3);
    }
}
