package dev.socketee.tck.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socketee.tck.Json;
import dev.socketee.tck.TestServer;
import dev.socketee.tck.cdi.CdiTestServer;
import dev.socketee.tck.NodeScenarios;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs last (class order in junit-platform.properties): stops the server with socket.io-client
 * sockets of both apps still open on both transports (websocket only on Tyrus), and checks what socket.io's own
 * {@code server.close()} gives: every client learns at once that the connection is gone (never by a
 * ping timeout; a long-poll on Open Liberty once its quiesce lets it be answered), and the server stops.
 * On an application server also: its log holds no error and no Socketee stack frame for the whole run.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerShutdownIT {
    /** A websocket hears of the stop within this, counted from the stop's start. */
    private static final Duration TOLD_LIMIT = Duration.ofSeconds(15);
    /**
     * On Open Liberty: it stops the applications (which closes their websockets) only once its quiesce is
     * over, when no request is in flight or after 30 s. Most runs are over in about 1 s (the longest parked
     * long-poll), but some clean-clone runs waited the whole 30 s, and in some of those the websockets heard of
     * the stop at 30.0 s. The one with a thread dump had a Liberty worker stuck in its own websocket close
     * (CWWKE1107W; docs/upstream/open-liberty-websocket-close-hang.md). A stop of over 10 s leaves a thread
     * dump in target/servers/open-liberty-slow-stop-threads.txt, and this test's output shows its request and
     * websocket threads.
     */
    private static final Duration LIBERTY_TOLD_LIMIT = Duration.ofSeconds(35);
    /**
     * A polling socket within this: Open Liberty answers no parked long-poll until its quiesce ends
     * (up to 30 s, README "Deployment"), and a poll the client sends again may be parked anew.
     */
    private static final Duration POLLING_TOLD_LIMIT = Duration.ofSeconds(35);
    /**
     * The server process is gone within this: Open Liberty waits up to 30 s for its own quiesce before
     * it stops (CWWKE1100I), whatever holds it, and a server that Socketee held would reach this too.
     */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void clientsAreToldWhenTheServerStops() throws Exception {
        ProcessBuilder watch = new ProcessBuilder("node", "scenarios/shutdown-watch.mjs",
                TestServer.baseUrl(), CdiTestServer.baseUrl());
        if (TestServer.isTyrus()) {
            watch.environment().put("SOCKETEE_TRANSPORTS", "websocket"); // no polling there
        }
        Process watcher = watch.directory(NodeScenarios.nodeDir().toFile()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = readLine(out, Duration.ofSeconds(15));
            if (!"READY".equals(ready)) {
                watcher.waitFor(5, TimeUnit.SECONDS);
                fail("the watcher did not connect its four sockets:\n" + ready + "\n" + drain(out));
            }

            // the watcher counts its own deadline from here, not from its start (connecting may be slow)
            watcher.getOutputStream().write("STOPPING\n".getBytes(StandardCharsets.US_ASCII));
            watcher.getOutputStream().flush();
            Duration took = stopServer();

            String after = readLine(out, Duration.ofSeconds(45));
            String last = readLine(out, Duration.ofSeconds(5));
            assertTrue(after != null && after.startsWith("AFTER_MS ") && last != null && last.startsWith("REASONS "),
                    "watcher said: " + after + "\n" + last + " (server took " + took + " to stop)" + slowStop());
            Map<String, Object> afterMs = Json.object(after.substring("AFTER_MS ".length()));
            Map<String, Object> reasons = Json.object(last.substring("REASONS ".length()));
            System.out.println("ServerShutdownIT: stopped in " + took.toMillis() + " ms; sockets told after (ms) " + afterMs + slowStop());
            assertEquals(expectedSockets(), reasons.keySet(),
                    () -> "sockets that never learnt of the stop (server took " + took + " to stop); reasons: " + reasons + slowStop());
            // a parked long-poll is answered with a close packet if the application is stopped while the
            // connection stands; servers that refuse requests first (WildFly's suspend, Liberty, Jetty
            // stopping its connectors) fail it instead: "transport error", as prompt. Never "ping timeout".
            assertEquals(Map.of("conformance websocket", "transport close", "cdi websocket", "transport close"),
                    Map.of("conformance websocket", reasons.get("conformance websocket"), "cdi websocket", reasons.get("cdi websocket")),
                    () -> "all reasons: " + reasons);
            for (String polling : TestServer.isTyrus() ? List.<String>of() : List.of("conformance polling", "cdi polling")) {
                assertTrue(List.of("transport close", "transport error").contains(reasons.get(polling)), () -> "all reasons: " + reasons);
            }
            for (Map.Entry<String, Object> told : afterMs.entrySet()) {
                long ms = ((Number) told.getValue()).longValue();
                Duration limit = told.getKey().endsWith("polling") ? POLLING_TOLD_LIMIT
                        : "liberty".equals(ServerUnderTest.name()) ? LIBERTY_TOLD_LIMIT : TOLD_LIMIT;
                assertTrue(ms >= 0 && ms < limit.toMillis(),
                        () -> told.getKey() + " heard of the stop " + ms + " ms after it began (server took " + took
                                + " to stop); all: " + afterMs + slowStop());
            }
            assertTrue(took.compareTo(STOP_LIMIT) < 0, "server took " + took + " to stop; sockets told after (ms): " + afterMs + slowStop());
        } finally {
            watcher.destroyForcibly();
        }
    }

    @Test
    @Order(2)
    void serverLogHoldsNoErrorForTheWholeRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ServerUnderTest.isExternal(), "the embedded apps log into this JVM's output");
        ServerUnderTest.stop(); // the log is complete once the server has stopped
        List<String> errors = ServerLogErrors.in(Files.readAllLines(ServerUnderTest.log(), StandardCharsets.UTF_8));
        assertEquals(List.of(), errors, "error lines in " + ServerUnderTest.log());
    }

    /** The request threads of a stop that took over 10 s (an external server's thread dump), for the report. */
    private static String slowStop() {
        String threads = ServerUnderTest.isExternal() ? ServerUnderTest.slowStopRequestThreads() : "";
        return threads.isEmpty() ? "" : "\nthe server's request threads 10 s into its stop:\n" + threads;
    }

    private static java.util.Set<String> expectedSockets() {
        java.util.Set<String> names = new java.util.TreeSet<>(List.of("conformance websocket", "cdi websocket"));
        if (!TestServer.isTyrus()) {
            names.addAll(List.of("conformance polling", "cdi polling"));
        }
        return names;
    }

    private static Duration stopServer() throws Exception {
        if (ServerUnderTest.isExternal()) {
            return ServerUnderTest.stop();
        }
        long t0 = System.nanoTime();
        TestServer.stopEmbedded();
        CdiTestServer.stopEmbedded();
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static String drain(BufferedReader in) {
        StringBuilder sb = new StringBuilder();
        try {
            while (in.ready()) {
                sb.append(in.readLine()).append('\n');
            }
        } catch (java.io.IOException e) {
            sb.append(e);
        }
        return sb.toString();
    }

    private static String readLine(BufferedReader in, Duration timeout) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readLine();
            } catch (java.io.IOException e) {
                return "read failed: " + e;
            }
        });
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("no line from the watcher within " + timeout);
        }
    }
}
