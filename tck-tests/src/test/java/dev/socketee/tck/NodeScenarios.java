package dev.socketee.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the Node.js scenarios of {@code src/test/node/scenarios} ({@code node <script> <baseUrl>}) with the
 * official socket.io-client / engine.io-client, and asserts each exits 0.
 */
public final class NodeScenarios {
    /** Each script guards itself with a 10 s timeout; this is the hard stop on our side. */
    private static final long TIMEOUT_SECONDS = 30;

    private NodeScenarios() {}

    public static Path nodeDir() {
        String dir = System.getProperty("socketee.node.dir");
        Path p = dir != null ? Path.of(dir) : Path.of("src", "test", "node");
        assertTrue(Files.isDirectory(p.resolve("node_modules")),
                () -> "node clients not installed: run 'npm install' in " + p.toAbsolutePath());
        return p.toAbsolutePath();
    }

    /** All scenario file names (sorted), e.g. {@code acks-client-to-server.mjs}. */
    public static List<String> all() {
        try (Stream<Path> s = Files.list(nodeDir().resolve("scenarios"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mjs")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The scenarios that need polling (the default polling-then-upgrade client, polling only):
     * left out when the server is websocket-only ({@link TestServer#isTyrus}). The others cut
     * their transport sets themselves ({@code transportsUnderTest} of the harness, told by
     * {@code SOCKETEE_TRANSPORTS}).
     */
    private static final java.util.Set<String> NEED_POLLING = java.util.Set.of("connect-default-upgrade.mjs",
            "connect-polling-only.mjs", "engine-polling-echo.mjs", "engine-upgrade-sequence.mjs");

    /** One dynamic test per scenario whose name starts with {@code prefix}; fails if there is none. */
    public static Stream<DynamicTest> tests(String prefix) {
        List<String> names = all().stream().filter(n -> n.startsWith(prefix))
                .filter(n -> !TestServer.isTyrus() || !NEED_POLLING.contains(n)).toList();
        assertFalse(names.isEmpty(), "no node scenario named " + prefix + "*.mjs");
        return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> run(n)));
    }

    /** Runs one scenario against the conformance app and asserts exit code 0. */
    public static void run(String script) throws Exception {
        run(script, TestServer.baseUrl());
    }

    /** Runs {@code node scenarios/<script> <args...>} and asserts exit code 0 within the time limit. */
    public static void run(String script, String... args) throws Exception {
        File out = File.createTempFile("node-scenario-", ".log");
        out.deleteOnExit();
        List<String> command = new java.util.ArrayList<>(List.of("node", "scenarios/" + script));
        command.addAll(List.of(args));
        String what = String.join(" ", command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (TestServer.isTyrus()) {
            builder.environment().put("SOCKETEE_TRANSPORTS", "websocket");
        }
        Process p = builder
                .directory(nodeDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(out)
                .start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        if (!done) fail("node " + what + " did not exit within " + TIMEOUT_SECONDS + " s; output:\n" + output);
        int rc = p.exitValue();
        if (rc != 0) fail("node " + what + " exited with " + rc + "; output:\n" + output);
    }
}
