package dev.socketee.tck.node;

import dev.socketee.tck.NodeScenarios;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official socket.io-client 4.8.1 (Node.js): connection on each transport set, auth, messages,
 * server disconnect (scenarios/connect-*, messages-*, disconnect-*). Binary, acks and namespaces
 * scenarios run in BinaryIT, AcksIT and NamespacesIT.
 */
class NodeClientIT {
    @TestFactory
    Stream<DynamicTest> connectScenarios() {
        return NodeScenarios.tests("connect-");
    }

    @TestFactory
    Stream<DynamicTest> messageScenarios() {
        return NodeScenarios.tests("messages-");
    }

    @TestFactory
    Stream<DynamicTest> disconnectScenarios() {
        return NodeScenarios.tests("disconnect-");
    }
}
