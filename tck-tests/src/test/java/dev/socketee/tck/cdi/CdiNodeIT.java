package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.socketee.tck.NodeScenarios;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CDI programming model with the official socket.io-client on Node.js: every {@code scenarios/cdi-*.mjs}
 * against {@link CdiTestServer}, once per transport setting ({@code node <script> <baseUrl> <mode>}, mode
 * "default" = polling then upgrade, "polling" only, "websocket" only).
 */
class CdiNodeIT {
    static final List<String> MODES = List.of("default", "polling", "websocket");

    @TestFactory
    Stream<DynamicTest> cdiScenarios() {
        List<String> names = NodeScenarios.all().stream().filter(n -> n.startsWith("cdi-")).toList();
        assertFalse(names.isEmpty(), "no node scenario named cdi-*.mjs");
        return names.stream().flatMap(n -> MODES.stream()
                .filter(mode -> !dev.socketee.tck.TestServer.isTyrus() || mode.equals("websocket"))
                .map(mode -> DynamicTest.dynamicTest(n + " " + mode, () -> NodeScenarios.run(n, CdiTestServer.baseUrl(), mode))));
    }
}
