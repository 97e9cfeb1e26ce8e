package dev.socketee.redis;

import java.util.Map;

/** The same cluster with publishOnSpecificResponseChannel on both sides (node 9.x's coming default). */
class NodeInteropSpecificChannelTest extends NodeInteropTest {

    @Override
    boolean specific() {
        return true;
    }

    @Override
    Map<String, String> peerEnv() {
        return Map.of("REQUESTS_TIMEOUT", "1500", "SPECIFIC", "1");
    }

    @Override
    RedisAdapterOptions options() {
        return super.options().withPublishOnSpecificResponseChannel(true);
    }
}
