package dev.socketee.redis;

/** The contract on a single node: the SPI's own adapter, the reference for the cluster ones. */
class InMemoryAdapterContractTest extends AdapterContractTest {

    @Override
    TestCluster newCluster(String nsp) {
        return TestCluster.inMemory(nsp);
    }
}
