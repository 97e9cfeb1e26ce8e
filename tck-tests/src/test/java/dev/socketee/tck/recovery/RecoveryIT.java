package dev.socketee.tck.recovery;

import dev.socketee.tck.NodeScenarios;
import dev.socketee.tck.app.EmbeddedJetty;
import dev.socketee.tck.servers.ServerUnderTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Connection state recovery with socket.io-client 4.8 (scenarios/recovery-killed-connection.mjs), over websocket and
 * over polling: the client's TCP connections are reset by a proxy the scenario controls, the
 * server emits to the client and its rooms while it is away, and it comes back with the same id,
 * {@code recovered === true} and every missed event once, in order; past the window, afresh.
 *
 * <p>Embedded only: recovery is a server-wide option (as node's) that appends an offset to every
 * kept event, so it cannot be on in the CDI/conformance WARs every other IT runs against on
 * WildFly, Payara and Liberty; this IT serves {@link RecoveryApp} on an embedded Jetty of its own.
 */
class RecoveryIT {

    private static EmbeddedJetty jetty;

    @BeforeAll
    static void start() {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "embedded only (see the class comment)");
        jetty = EmbeddedJetty.start("127.0.0.1", 0, RecoveryApp::setUp);
    }

    @AfterAll
    static void stop() {
        if (jetty != null) {
            jetty.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> recovery() {
        String url = jetty.baseUri().toString().replaceAll("/$", "");
        return List.of("websocket", "polling").stream()
                .map(mode -> DynamicTest.dynamicTest("recovery " + mode, () -> NodeScenarios.run("recovery-killed-connection.mjs", url, mode)));
    }
}
