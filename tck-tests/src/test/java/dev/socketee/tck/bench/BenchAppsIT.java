package dev.socketee.tck.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.NodeScenarios;
import dev.socketee.tck.servers.Readiness;
import dev.socketee.tck.servers.ServerProcess;
import dev.socketee.tck.servers.ServerUnderTest;
import dev.socketee.tck.support.FreePorts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bench apps as the bench runs them, {@code java -jar socketee-conformance.jar bench-cdi|bench
 * PORT}, each in its own JVM, answer the load generator's protocol ({@code ../shared/bench}: "echo"
 * acks with its arguments, "broadcast" goes to every other socket) to socket.io-client 4.8 on
 * websocket and polling and to a 2.x (Engine.IO v3) client: so neither app rots between bench runs.
 * Both start together (a few seconds); bench-protocol.mjs is the client side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchAppsIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Path JAR = Path.of("target", "socketee-conformance.jar");

    private final List<ServerProcess> started = new ArrayList<>();
    private String cdiUrl;
    private String coreUrl;

    @BeforeAll
    void startBothApps() throws Exception {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "the bench apps run on the embedded default: embedded run only");
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR.toAbsolutePath());
        int cdiPort = FreePorts.any();
        int corePort = FreePorts.any();
        ServerProcess cdi = start("bench-cdi", cdiPort);
        ServerProcess core = start("bench", corePort);
        cdiUrl = awaitReady(cdi, cdiPort);
        coreUrl = awaitReady(core, corePort);
    }

    @AfterAll
    void stop() {
        started.forEach(p -> p.stop(Duration.ofSeconds(10)));
    }

    @Test
    void benchCdiAnswersTheLoadGeneratorsProtocol() throws Exception {
        NodeScenarios.run("bench-protocol.mjs", cdiUrl);
    }

    @Test
    void benchAnswersTheLoadGeneratorsProtocol() throws Exception {
        NodeScenarios.run("bench-protocol.mjs", coreUrl);
    }

    private ServerProcess start(String app, int port) throws Exception {
        Path log = Path.of("target", "bench-app-" + app + "-" + port + ".log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dsocketee.allow-eio3=true",
                "-jar", JAR.toString(), app, String.valueOf(port), "127.0.0.1");
        ServerProcess p = ServerProcess.start(app, cmd, Path.of("."), Map.of(), log, Pattern.compile("Socketee bench app"));
        started.add(p);
        return p;
    }

    private static String awaitReady(ServerProcess p, int port) throws InterruptedException {
        String url = "http://127.0.0.1:" + port;
        Readiness.awaitWebSocket(URI.create(url), p, START_TIMEOUT);
        return url;
    }
}
