package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socketee.tck.NodeScenarios;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final long TIMEOUT_SECONDS = 30;

    @TestFactory
    Stream<DynamicTest> cdiScenarios() {
        List<String> names = NodeScenarios.all().stream().filter(n -> n.startsWith("cdi-")).toList();
        assertFalse(names.isEmpty(), "no node scenario named cdi-*.mjs");
        return names.stream().flatMap(n -> MODES.stream()
                .map(mode -> DynamicTest.dynamicTest(n + " " + mode, () -> run(n, mode))));
    }

    static void run(String script, String mode) throws Exception {
        File out = File.createTempFile("node-cdi-scenario-", ".log");
        out.deleteOnExit();
        Process p = new ProcessBuilder("node", "scenarios/" + script, CdiTestServer.baseUrl(), mode)
                .directory(NodeScenarios.nodeDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(out)
                .start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        if (!done) fail("node " + script + " " + mode + " did not exit within " + TIMEOUT_SECONDS + " s; output:\n" + output);
        int rc = p.exitValue();
        if (rc != 0) fail("node " + script + " " + mode + " exited with " + rc + "; output:\n" + output);
    }
}
