package dev.socketee.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example pages in headless Chromium (Debian's), driven by playwright-core, against the
 * examples WAR running on the embedded default server in its own process, started with the same
 * command README gives. Every page in both modes: default transports and polling forced.
 * Screenshots go to target/screenshots.
 */
class ExamplePagesIT {

    private static Process server;
    private static String baseUrl;
    private static final Path LOG = Path.of("target", "embedded-server.log");

    @BeforeAll
    static void startEmbeddedServer() throws Exception {
        boolean chromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (!chromium && System.getenv("CI") == null) {
            Assumptions.abort("Debian's chromium is not installed (apt-get install chromium); CI installs it");
        }
        assertTrue(chromium, "CI must have /usr/bin/chromium (.ci/run installs it)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path runner = Path.of(System.getProperty("socketee.runner.jar"));
        Path war = Path.of(System.getProperty("socketee.examples.war"));
        server = new ProcessBuilder("java", "-jar", runner.toString(), war.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        baseUrl = "http://127.0.0.1:" + port;
        waitForWebSocketReady(port);
    }

    /** Ready = the Socket.IO handshake answers (the servlet starts with the application). */
    private static void waitForWebSocketReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("embedded server died:\n" + Files.readString(LOG));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/socket.io/?EIO=4&transport=polling")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().startsWith("0{")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("embedded server not ready in 60 s:\n" + Files.readString(LOG));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy(); // SIGTERM: the same clean stop as Ctrl-C
            assertTrue(server.waitFor(15, TimeUnit.SECONDS), "embedded server did not stop on SIGTERM");
        }
    }

    @Test
    void everyPageWorksInChromiumWithDefaultTransportsAndWithPolling() throws Exception {
        Path dir = Path.of(System.getProperty("socketee.browser.dir"));
        Path shots = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        Process p = new ProcessBuilder("node", "run-all.mjs", baseUrl, shots.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        System.out.println(out);
        assertTrue(done, "browser tests did not finish in 10 minutes");
        assertEquals(0, p.exitValue(), () -> "browser tests failed:\n" + out + "\nserver log:\n" + readLog());
    }

    private static String readLog() {
        try {
            return Files.readString(LOG);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
