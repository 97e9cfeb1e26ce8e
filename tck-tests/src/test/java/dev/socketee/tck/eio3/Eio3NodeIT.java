package dev.socketee.tck.eio3;

import dev.socketee.tck.NodeScenarios;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * socket.io-client 2.5.0 (npm, Engine.IO v3) against the allowEio3 server at {@code /eio3}, alone
 * and with socket.io-client 4.8.1 in the same rooms (scenarios/eio3-*).
 */
class Eio3NodeIT {
    @TestFactory
    Stream<DynamicTest> eio3Scenarios() {
        return NodeScenarios.tests("eio3-");
    }
}
