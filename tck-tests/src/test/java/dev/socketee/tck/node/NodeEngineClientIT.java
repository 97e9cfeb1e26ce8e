package dev.socketee.tck.node;

import dev.socketee.tck.NodeScenarios;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The official engine.io-client 6.6.3 (Node.js) against the bare Engine.IO echo server: scenarios/engine-*.mjs. */
class NodeEngineClientIT {
    @TestFactory
    Stream<DynamicTest> engineScenarios() {
        return NodeScenarios.tests("engine-");
    }
}
