package dev.socketee.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.servers.AppServer;
import dev.socketee.tck.servers.AppServers;
import dev.socketee.tck.support.FreePorts;
import dev.socketee.tck.servers.Readiness;
import dev.socketee.tck.servers.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example pages in headless Chromium (Debian's), driven by playwright-core, against the
 * examples WAR. Every page in both modes: default transports and polling forced.
 *
 * <p>{@code -Dsocketee.server} chooses the server: absent or {@code embedded}, the embedded default
 * server in its own process at the root context, started with the same command README gives
 * (screenshots in target/screenshots); {@code wildfly}, {@code payara} or {@code liberty} (the
 * examples-war server profiles, which also set {@code -Dsocketee.server.home}), that application
 * server started by the tck-tests launchers with the WAR deployed as examples.war at context
 * {@code /examples}, the way a user deploying it would have it (screenshots in
 * target/screenshots-SERVER).
 */
class ExamplePagesIT {

    static final String CONTEXT = "examples";
    private static final Duration SERVER_START_TIMEOUT = Duration.ofMinutes(4);
    private static final Path LOG = Path.of("target", "embedded-server.log");

    private static ServerProcess embedded;
    private static AppServer appServer;
    private static String baseUrl;

    static String serverName() {
        String name = System.getProperty("socketee.server", "embedded").trim();
        return name.isEmpty() ? "embedded" : name;
    }

    static boolean isEmbedded() {
        return serverName().equals("embedded");
    }

    @BeforeAll
    static void startServer() throws Exception {
        boolean chromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (!chromium && System.getenv("CI") == null) {
            Assumptions.abort("Debian's chromium is not installed (apt-get install chromium); CI installs it");
        }
        assertTrue(chromium, "CI must have /usr/bin/chromium (.ci/run installs it)");
        Path war = Path.of(System.getProperty("socketee.examples.war"));
        if (isEmbedded()) {
            startEmbeddedServer(war);
        } else {
            startAppServer(war);
        }
    }

    /** README's run command with a free port; ready when the app answers a WebSocket upgrade and a polling handshake. */
    private static void startEmbeddedServer(Path war) throws Exception {
        int port = FreePorts.any();
        Path runner = Path.of(System.getProperty("socketee.runner.jar"));
        embedded = ServerProcess.start("embedded", List.of(javaExecutable(), "-jar", runner.toString(), war.toString(),
                "--port", String.valueOf(port)), Path.of("."), Map.of(), LOG.toAbsolutePath());
        baseUrl = "http://127.0.0.1:" + port;
        Readiness.awaitWebSocket(URI.create(baseUrl), embedded, Duration.ofSeconds(60));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The server of the profile, with the WAR at /examples; ready when /examples/socket.io/ upgrades to WebSocket. */
    private static void startAppServer(Path war) throws Exception {
        String home = System.getProperty("socketee.server.home");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("-Dsocketee.server.home is not set (run through an examples-war server profile)");
        }
        assertTrue(Files.isRegularFile(war), war + " is missing: run `mvn package` first");
        appServer = AppServers.create(serverName(), Path.of(home.trim()));
        long t0 = System.nanoTime();
        URI uri = appServer.start(Map.of(CONTEXT, war));
        baseUrl = uri + "/" + CONTEXT;
        try {
            Readiness.awaitWebSocket(URI.create(baseUrl), appServer.process(), SERVER_START_TIMEOUT);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not start " + serverName() + ":\n" + tail(appServer.process().log(), 80), e);
        }
        System.out.printf("[%s] %s answers WebSocket upgrades %d ms after launch: %s%n",
                serverName(), baseUrl, (System.nanoTime() - t0) / 1_000_000, appServer.process());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (embedded != null) {
            Duration took = embedded.stop(Duration.ofSeconds(15)); // SIGTERM: the same clean stop as Ctrl-C
            assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "embedded server did not stop on SIGTERM within 15 s");
        }
        if (appServer != null && appServer.process() != null) {
            Duration took = appServer.stop();
            System.out.printf("[%s] stopped in %d ms; log: %s%n", serverName(), took.toMillis(), appServer.process().log());
        }
    }

    @Test
    void everyPageWorksInChromiumWithDefaultTransportsAndWithPolling() throws Exception {
        Path dir = Path.of(System.getProperty("socketee.browser.dir"));
        Path shots = Path.of("target", isEmbedded() ? "screenshots" : "screenshots-" + serverName()).toAbsolutePath();
        Files.createDirectories(shots);
        Process p = new ProcessBuilder("node", "run-all.mjs", baseUrl, shots.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        System.out.println(out);
        System.out.printf("[%s] dashboard executor: %s%n", serverName(), dashboardSchedulerLines());
        assertTrue(done, "browser tests did not finish in 10 minutes");
        assertEquals(0, p.exitValue(), () -> "browser tests failed on " + serverName() + " at " + baseUrl + ":\n" + out
                + "\nserver log (" + serverLogs() + "):\n" + readLog());
    }

    /**
     * The official Socket.IO Admin UI (its own static files from npm, served by the WAR at
     * /admin-ui/) in Chromium: a wrong password is refused, then it lists a node.js
     * socket.io-client's socket with its room, shows its events, and its disconnect button
     * disconnects that client (admin-ui.mjs; screenshots admin-ui-default-*.png).
     */
    @Test
    void theOfficialAdminUiListsShowsAndDisconnectsANodeClient() throws Exception {
        Path dir = Path.of(System.getProperty("socketee.browser.dir"));
        Path shots = Path.of("target", isEmbedded() ? "screenshots" : "screenshots-" + serverName()).toAbsolutePath();
        Files.createDirectories(shots);
        Process p = new ProcessBuilder("node", "admin-ui.mjs", baseUrl, "default", shots.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(2, TimeUnit.MINUTES);
        System.out.println(out);
        assertTrue(done, "the Admin UI test did not finish in 2 minutes");
        assertEquals(0, p.exitValue(), () -> "the Admin UI test failed on " + serverName() + " at " + baseUrl + ":\n" + out
                + "\nserver log (" + serverLogs() + "):\n" + readLog());
    }

    /**
     * The login cookie is HttpOnly and SameSite=Lax, and even sent along by a foreign page it does
     * not open /secure: with alice's JSESSIONID the server's own origin is greeted "Hello, alice!",
     * while Origin http://evil.example is refused on both transports (it was greeted too before).
     */
    @Test
    void theLoginCookieIsHardenedAndAForeignOriginCannotUseIt() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=secret")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login::body);
        List<String> sessionCookies = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertTrue(!sessionCookies.isEmpty(), () -> "no session cookie: " + login.headers());
        String setCookie = sessionCookies.get(sessionCookies.size() - 1); // changeSessionId may have set two
        String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("; httponly") && lower.contains("; samesite=lax"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        URI self = URI.create(baseUrl);
        String ownOrigin = self.getScheme() + "://" + self.getRawAuthority();

        assertEquals("Hello, alice!", secureGreeting(http, ownOrigin, cookie), "the page's own origin with the cookie");

        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/socket.io/?EIO=4&transport=polling"))
                .timeout(Duration.ofSeconds(5)).header("Origin", "http://evil.example").header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("403 {\"code\":4,\"message\":\"Forbidden\"}", foreign.statusCode() + " " + foreign.body());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), foreign.headers()::toString);
        try {
            http.newWebSocketBuilder().header("Origin", "http://evil.example").header("Cookie", cookie)
                    .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket"),
                            new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS).abort();
            throw new AssertionError("the WebSocket from http://evil.example was accepted");
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof WebSocketHandshakeException, e::toString);
            assertEquals(403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        }
    }

    /** Connects to /secure over raw polling and returns the greeting's text, or the refusal. */
    private static String secureGreeting(HttpClient http, String origin, String cookie) throws Exception {
        String engine = baseUrl + "/socket.io/?EIO=4&transport=polling";
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(engine)).timeout(Duration.ofSeconds(5))
                .header("Origin", origin).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, open.statusCode(), open::body);
        java.util.regex.Matcher sid = java.util.regex.Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.body());
        assertTrue(sid.find(), open::body);
        URI session = URI.create(engine + "&sid=" + sid.group(1));
        HttpResponse<String> connect = http.send(HttpRequest.newBuilder(session).timeout(Duration.ofSeconds(5))
                .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString("40/secure,")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("200 ok", connect.statusCode() + " " + connect.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> poll = http.send(HttpRequest.newBuilder(session).timeout(Duration.ofSeconds(10))
                    .header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, poll.statusCode(), poll::body);
            for (String packet : poll.body().split("\u001e")) {
                seen.add(packet);
                if (packet.startsWith("42/secure,[\"greeting\",")) {
                    return packet.substring("42/secure,[\"greeting\",\"".length(), packet.length() - 2);
                }
                if (packet.startsWith("44/secure,")) {
                    return packet;
                }
            }
        }
        throw new AssertionError("no greeting from /secure within 10 s; packets: " + seen);
    }

    /** FiguresPublisher's line telling which scheduler the dashboard figures run on, from the server's logs. */
    private static List<String> dashboardSchedulerLines() {
        List<String> lines = new ArrayList<>();
        for (Path log : serverLogs()) {
            try (Stream<String> s = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                s.filter(l -> l.contains("dashboard figures run on")).map(String::strip).forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                lines.add("(" + log + " unreadable: " + e + ")");
            }
        }
        return lines;
    }

    /**
     * The server's console log and, for Open Liberty (whose console shows no application INFO
     * lines by default), its messages.log files.
     */
    private static List<Path> serverLogs() {
        List<Path> logs = new ArrayList<>();
        if (embedded != null) {
            logs.add(LOG);
        }
        if (appServer != null && appServer.process() != null) {
            logs.add(appServer.process().log());
            Path servers = Path.of(System.getProperty("socketee.server.home").trim()).resolve("usr/servers");
            if (Files.isDirectory(servers)) {
                try (Stream<Path> s = Files.walk(servers, 3)) {
                    s.filter(f -> f.getFileName().toString().equals("messages.log")).forEach(logs::add);
                } catch (IOException e) {
                    // no Liberty logs
                }
            }
        }
        return logs;
    }

    private static String readLog() {
        StringBuilder all = new StringBuilder();
        for (Path log : serverLogs()) {
            all.append("== ").append(log).append('\n').append(tail(log, 200));
        }
        return all.toString();
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException e) {
            return "(no log: " + e + ")\n";
        }
    }
}
