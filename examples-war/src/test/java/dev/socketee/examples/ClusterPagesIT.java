package dev.socketee.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.examples.LocalNginx.Routed;
import dev.socketee.tck.support.FreePorts;
import dev.socketee.tck.servers.Readiness;
import dev.socketee.tck.servers.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The examples' chat across a two-node Socketee cluster, in Chromium: the same WAR on two
 * embedded servers (README's run command) with {@code -Dsocketee.adapter=redis} on a real
 * redis-server, page A on node A and page B on node B, with default transports and with polling
 * forced; then the same behind nginx running README's config (src/test/nginx/socketee.conf.template).
 * Screenshots in target/screenshots-cluster/{direct,nginx}; logs in target/cluster-*.log.
 *
 * <p>Embedded default only (skipped on the server profiles, like {@link ExamplePagesIT}'s
 * embedded run). {@code -Dsocketee.test.cluster.adapter=memory} runs the same nodes without a
 * cluster: the cross-node lines must then be missing and both tests fail (the harness's own check).
 */
class ClusterPagesIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SHOTS = TARGET.resolve("screenshots-cluster");
    private static final Path NGINX_TEMPLATE = Path.of("src", "test", "nginx", "socketee.conf.template");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> MODES = List.of("default", "polling");
    /** Refused on purpose once, by {@link #sameOriginThroughTheProxy}. */
    private static final String FOREIGN_ORIGIN = "http://evil.example";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static String adapter;
    private static LocalRedis redis;
    private static final List<ServerProcess> nodes = new ArrayList<>();
    /** host:port of node A and node B. */
    private static final List<String> addresses = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(ExamplePagesIT.isEmbedded(), "the cluster pages run on the embedded default only");
        requireInstalled(Path.of("/usr/bin/chromium"), "chromium");
        requireInstalled(LocalRedis.EXECUTABLE, "redis-server");
        adapter = System.getProperty("socketee.test.cluster.adapter", "redis").trim();
        Path war = Path.of(System.getProperty("socketee.examples.war"));
        if (adapter.equals("redis")) {
            assertTrue(warHasLibrary(war, "socketee-redis-"), war + " has no WEB-INF/lib/socketee-redis-*.jar");
        }
        long t0 = System.nanoTime();
        redis = LocalRedis.start(TARGET.resolve("cluster-redis"), TARGET.resolve("cluster-redis.log"), Duration.ofSeconds(10));
        Path runner = Path.of(System.getProperty("socketee.runner.jar"));
        for (String name : List.of("a", "b")) {
            int port = FreePorts.any();
            // README's run command, the cluster chosen by system properties (read through MicroProfile Config)
            nodes.add(ServerProcess.start("node " + name, List.of(javaExecutable(), "-Dsocketee.adapter=" + adapter,
                    "-Dsocketee.redis.uri=" + redis.uri(), "-jar", runner.toString(), war.toString(), "--port", String.valueOf(port)),
                    Path.of("."), Map.of(), TARGET.resolve("cluster-node-" + name + ".log")));
            addresses.add("127.0.0.1:" + port);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Readiness.awaitWebSocket(URI.create(base(i)), nodes.get(i), START_TIMEOUT);
        }
        System.out.printf("[cluster] %s; nodes %s (adapter %s) ready %d ms after launch%n", redis, nodes, adapter,
                (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    static void stopCluster() {
        // SIGTERM, as Ctrl-C; both at once (each may take Jetty's 5 s stop timeout)
        List<CompletableFuture<Duration>> stops = nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(() -> node.stop(Duration.ofSeconds(15)))).toList();
        for (int i = 0; i < nodes.size(); i++) {
            System.out.printf("[cluster] %s stopped in %d ms%n", nodes.get(i), stops.get(i).join().toMillis());
        }
        if (redis != null) {
            redis.stop();
        }
    }

    /** Page A straight on node A, page B straight on node B. */
    @Test
    void chatAcrossTwoNodes() throws Exception {
        for (String mode : MODES) {
            runChat("direct", base(0) + "," + base(1), null, mode);
        }
    }

    /**
     * Both pages through nginx, pinned to different nodes by the routing cookie README's config
     * hashes on (on loopback every browser has the same address, the fallback key).
     *
     * <p>How the test knows the pages really are on different nodes: (1) before the browsers, for
     * each candidate cookie value it opens an Engine.IO session through nginx with that cookie and
     * asks each node directly to close it: only the node that holds the session accepts (200
     * "ok"; the other answers 400 "Session ID unknown"), so the value's node is Socketee's own
     * record, not a guess at nginx's hash; it takes the first value of each node. (2) after the
     * browsers, nginx's access log must show every request carrying each value (the page, the
     * polling requests, the WebSocket) proxied to that value's node and to no other.
     */
    @Test
    void chatAcrossTwoNodesBehindNginx() throws Exception {
        requireInstalled(LocalNginx.EXECUTABLE, "nginx");
        LocalNginx nginx = LocalNginx.start(NGINX_TEMPLATE, TARGET.resolve("cluster-nginx"), addresses,
                TARGET.resolve("cluster-nginx.log"), Duration.ofSeconds(20));
        try {
            System.out.printf("[cluster] %s%n", nginx);
            sameOriginThroughTheProxy(nginx.baseUrl());
            List<String> pins = pinsToEachNode(nginx.baseUrl());
            System.out.printf("[cluster] %s=%s routes to node A (%s), %s=%s to node B (%s)%n", LocalNginx.ROUTING_COOKIE,
                    pins.get(0), addresses.get(0), LocalNginx.ROUTING_COOKIE, pins.get(1), addresses.get(1));
            String cookies = LocalNginx.ROUTING_COOKIE + "=" + pins.get(0) + "," + LocalNginx.ROUTING_COOKIE + "=" + pins.get(1);
            for (String mode : MODES) {
                runChat("nginx", nginx.baseUrl(), cookies, mode);
            }
            // a WebSocket's line is logged when it closes: the browsers have closed theirs
            List<Routed> log = awaitRouted(nginx, all -> pins.stream().allMatch(pin ->
                    all.stream().anyMatch(r -> r.cookie().equals(pin) && r.request().contains("transport=websocket"))));
            for (int i = 0; i < pins.size(); i++) {
                String pin = pins.get(i);
                List<Routed> page = log.stream().filter(r -> r.cookie().equals(pin)).toList();
                String expected = addresses.get(i);
                assertTrue(page.stream().allMatch(r -> r.upstream().equals(expected)),
                        () -> "requests with " + pin + " should all go to " + expected + ": " + page);
                for (String part : List.of("/chat.html", "transport=polling&", "transport=websocket")) {
                    assertTrue(page.stream().anyMatch(r -> r.request().contains(part)),
                            () -> "no request with " + pin + " for " + part + " in nginx's log: " + page);
                }
                System.out.printf("[cluster] page %s (%s): %d requests through nginx, all to %s%n",
                        i == 0 ? "A" : "B", pin, page.size(), expected);
            }
        } finally {
            Duration took = nginx.stop();
            System.out.printf("[cluster] nginx stopped in %d ms%n", took.toMillis());
        }
        for (ServerProcess node : nodes) {
            List<String> refused = Files.readAllLines(node.log(), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> l.contains("Refused") && !l.contains(FOREIGN_ORIGIN)).toList();
            assertTrue(refused.isEmpty(), () -> node + " refused requests through nginx (origin check?): " + refused);
        }
    }

    /**
     * nginx passes Host without the port ({@code $host}): the page's origin is the node's own only
     * through X-Forwarded-Proto/-Host. Its origin opens a session; another origin is refused.
     */
    private static void sameOriginThroughTheProxy(String base) throws Exception {
        String handshake = base + "/socket.io/?EIO=4&transport=polling";
        HttpResponse<String> own = HTTP.send(HttpRequest.newBuilder(URI.create(handshake)).timeout(Duration.ofSeconds(5))
                .header("Origin", base).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, own.statusCode(), own::body);
        assertTrue(own.body().startsWith("0{"), own::body);
        HttpResponse<String> close = HTTP.send(HttpRequest.newBuilder(URI.create(handshake + "&sid=" + sid(own.body())))
                .timeout(Duration.ofSeconds(5)).header("Origin", base).POST(HttpRequest.BodyPublishers.ofString("1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("200 ok", close.statusCode() + " " + close.body(), "closing the session through nginx");
        HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(URI.create(handshake)).timeout(Duration.ofSeconds(5))
                .header("Origin", FOREIGN_ORIGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode(), foreign::body);
    }

    /** Routing cookie values, the first for node A and the second for node B (see the test's comment). */
    private static List<String> pinsToEachNode(String base) throws Exception {
        String[] pins = new String[2];
        for (int i = 1; i <= 64 && (pins[0] == null || pins[1] == null); i++) {
            String candidate = "pin" + i;
            int node = nodeHolding(base, candidate);
            if (pins[node] == null) {
                pins[node] = candidate;
            }
        }
        assertTrue(pins[0] != null && pins[1] != null, "64 cookie values all went to one node: is the hash on the cookie?");
        return List.of(pins);
    }

    /** Opens a session through nginx with the cookie; the node that accepts its close packet held it. */
    private static int nodeHolding(String base, String pin) throws Exception {
        HttpResponse<String> open = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/socket.io/?EIO=4&transport=polling"))
                .timeout(Duration.ofSeconds(5)).header("Cookie", LocalNginx.ROUTING_COOKIE + "=" + pin).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, open.statusCode(), open::body);
        String sid = sid(open.body());
        List<String> answers = new ArrayList<>();
        int holder = -1;
        for (int i = 0; i < nodes.size(); i++) {
            HttpResponse<String> close = HTTP.send(HttpRequest.newBuilder(
                    URI.create(base(i) + "/socket.io/?EIO=4&transport=polling&sid=" + sid)).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("1")).build(), HttpResponse.BodyHandlers.ofString());
            answers.add(close.statusCode() + " " + close.body());
            if (close.statusCode() == 200) {
                holder = holder < 0 ? i : -2;
            }
        }
        int found = holder;
        assertTrue(found >= 0, () -> "session " + sid + " should be held by exactly one node; they answered " + answers);
        return found;
    }

    private static String sid(String openPacket) {
        Matcher m = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(openPacket);
        assertTrue(m.find(), openPacket);
        return m.group(1);
    }

    /** nginx's access log once it satisfies the condition (at most 10 s). */
    private static List<Routed> awaitRouted(LocalNginx nginx, Predicate<List<Routed>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Routed> log = nginx.routed();
        while (!done.test(log) && System.nanoTime() < deadline) {
            Thread.sleep(50); // nginx writes the line when the proxied connection ends
            log = nginx.routed();
        }
        return log;
    }

    /** chat.mjs with one page per base (or per cookie); each must see the other's line once, in order. */
    private static void runChat(String scenario, String bases, String cookies, String mode) throws Exception {
        Path out = TARGET.resolve("cluster-browser-" + scenario + "-" + mode + ".log");
        ProcessBuilder pb = new ProcessBuilder("node", "chat.mjs", bases, mode, SHOTS.resolve(scenario).toString())
                .directory(Path.of(System.getProperty("socketee.browser.dir")).toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        if (cookies != null) {
            pb.environment().put("PAGE_COOKIES", cookies);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        System.out.printf("[cluster] chat %s/%s (%d ms):%n%s", scenario, mode, (System.nanoTime() - t0) / 1_000_000, text);
        assertTrue(done, "chat.mjs did not finish in " + BROWSER_TIMEOUT);
        assertEquals(0, p.exitValue(), () -> "chat " + scenario + "/" + mode + " across " + bases
                + (cookies == null ? "" : " with " + cookies) + " failed (adapter " + adapter + "):\n" + text
                + nodeLogTails());
    }

    private static String base(int node) {
        return "http://" + addresses.get(node);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Aborts (skips) where the tool is missing, except on CI, which installs it (.ci/run). */
    private static void requireInstalled(Path executable, String debianPackage) {
        boolean there = Files.isExecutable(executable);
        if (!there && System.getenv("CI") == null) {
            Assumptions.abort(executable + " is not installed (apt-get install " + debianPackage + "); CI installs it");
        }
        assertTrue(there, "CI must have " + executable + " (.ci/run installs " + debianPackage + ")");
    }

    private static boolean warHasLibrary(Path war, String prefix) throws IOException {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().startsWith("WEB-INF/lib/" + prefix));
        }
    }

    private static String nodeLogTails() {
        StringBuilder all = new StringBuilder();
        for (ServerProcess node : nodes) {
            try {
                List<String> lines = Files.readAllLines(node.log(), StandardCharsets.ISO_8859_1);
                all.append("\n== ").append(node).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
            } catch (IOException e) {
                all.append("\n(").append(node.log()).append(" unreadable: ").append(e).append(')');
            }
        }
        return all.toString();
    }
}
