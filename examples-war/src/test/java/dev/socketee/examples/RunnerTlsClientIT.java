package dev.socketee.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples WAR on the embedded runner with {@code --self-signed}: socket.io-client 4.8 on
 * Node.js, trusting exactly the certificate the runner generated (its PEM file as {@code ca}),
 * over wss, over https polling, and upgrading from one to the other; an emit acknowledged by the
 * client (/test's my_response, which the server logs) and one acknowledged by the server
 * (/dashboard's pause). Embedded only: the server profiles have their own TLS set-up.
 */
class RunnerTlsClientIT {

    private static final Pattern HTTPS = Pattern.compile("https://\\S+?/(?=\\s|$)");
    private static final Pattern PEM = Pattern.compile("PEM (\\S+)");
    private static final String CLIENT_ACKED = "client acknowledged my_response #1";

    private static Process runner;
    private static String base;
    private static Path pem;
    /** A permit for every client ack of my_response the server logged. */
    private static final Semaphore clientAcks = new Semaphore(0);
    private static final StringBuffer output = new StringBuffer();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(ExamplePagesIT.isEmbedded(), "the embedded runner's TLS");
        Path war = Path.of(System.getProperty("socketee.examples.war"));
        Path jar = Path.of(System.getProperty("socketee.runner.jar"));
        runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), war.toString(), "--port", "0", "--https-port", "0", "--self-signed")
                .redirectErrorStream(true).start();
        CompletableFuture<String> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(started), "runner-output");
        reader.setDaemon(true);
        reader.start();
        String line = started.get(3, TimeUnit.MINUTES);
        Matcher url = HTTPS.matcher(line);
        assertTrue(url.find(), line);
        base = url.group();
        Matcher file = PEM.matcher(output);
        assertTrue(file.find(), output::toString);
        pem = Path.of(file.group(1));
    }

    private static void read(CompletableFuture<String> started) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of("target", "runner-tls.log")), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                log.println(line);
                output.append(line).append('\n');
                if (line.startsWith("Socketee is serving ")) {
                    started.complete(line);
                }
                if (line.contains(CLIENT_ACKED)) {
                    clientAcks.release();
                }
            }
        } catch (Exception e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("the runner exited before it started:\n" + output));
    }

    @AfterAll
    static void stop() throws Exception {
        if (runner != null) {
            runner.destroy(); // SIGTERM, as Ctrl-C
            assertTrue(runner.waitFor(30, TimeUnit.SECONDS), "the runner did not stop on SIGTERM");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling", "default"})
    void socketIoClientOnNodeTrustingTheGeneratedCertificate(String mode) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "src/test/tls/wss-client.cjs", base, pem.toString(), mode)
                .redirectErrorStream(true);
        // the examples' own socket.io-client, npm-installed by this module's build for the WAR's /vendor
        pb.environment().put("NODE_PATH", Path.of("src", "main", "frontend", "node_modules").toAbsolutePath().toString());
        Process node = pb.start();
        node.getOutputStream().close();
        String out;
        try (var in = node.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish: " + out);
        System.out.print(out);
        assertEquals(0, node.exitValue(), () -> out + "\nrunner:\n" + output);
        assertTrue(out.contains("[" + mode + "] passed"), out);
        // the client's ack of my_response reached the server (it logs it)
        assertTrue(clientAcks.tryAcquire(10, TimeUnit.SECONDS), () -> "no '" + CLIENT_ACKED + "' in the runner's log:\n" + output);
    }
}
