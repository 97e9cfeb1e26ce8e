package dev.socketee.tck.servers;

import dev.socketee.tck.servers.AppServer;
import dev.socketee.tck.servers.AppServers;
import dev.socketee.tck.servers.Readiness;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server the integration tests run against, chosen by {@code -Dsocketee.server}:
 * {@code embedded} (default: the apps on Jetty + Weld inside the test JVM, started by
 * {@code TestServer} and {@code CdiTestServer}) or {@code wildfly}, {@code payara},
 * {@code liberty} (started once per test JVM from {@code -Dsocketee.server.home}, with the
 * conformance WAR at the root context and the CDI feature WAR at {@code /cdi}; stopped when the
 * JVM exits). Each tck-tests server profile sets these properties.
 */
public final class ServerUnderTest {
    public static final String CDI_CONTEXT = "cdi";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static URI baseUri;
    private static AppServer server;
    private static Duration stopTime;

    private ServerUnderTest() {
    }

    public static String name() {
        return System.getProperty("socketee.server", "embedded").trim();
    }

    /** True when the apps run in an application server rather than in this JVM. */
    public static boolean isExternal() {
        return !name().isEmpty() && !name().equals("embedded");
    }

    /** Base URI of the conformance app (root context). */
    public static URI conformanceUri() {
        return started();
    }

    /** The server's management interface (WildFly), where its own health and metrics endpoints are. */
    public static URI managementUri() {
        started();
        return server.managementUri();
    }

    /** Base URI of the CDI feature app, context path included. */
    public static URI cdiUri() {
        return URI.create(started() + "/" + CDI_CONTEXT);
    }

    private static synchronized URI started() {
        if (baseUri == null) {
            baseUri = start(AppServers.create(name(), Path.of(required("socketee.server.home"))));
        }
        return baseUri;
    }

    private static URI start(AppServer appServer) {
        Path wars = Path.of(required("socketee.wars.dir"));
        Map<String, Path> deployments = new LinkedHashMap<>();
        deployments.put("", existing(wars.resolve("socketee-tck-conformance.war")));
        deployments.put(CDI_CONTEXT, existing(wars.resolve("socketee-tck-cdi.war")));
        long t0 = System.nanoTime();
        try {
            URI uri = appServer.start(deployments);
            server = appServer;
            Runtime.getRuntime().addShutdownHook(new Thread(ServerUnderTest::stop, name() + "-stop"));
            Readiness.awaitWebSocket(uri, appServer.process(), START_TIMEOUT);
            Readiness.awaitWebSocket(URI.create(uri + "/" + CDI_CONTEXT), appServer.process(), START_TIMEOUT);
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[%s] both apps answer WebSocket upgrades %d ms after launch: %s%n",
                    name(), startMillis, appServer.process());
            record("start-ms=" + startMillis);
            return uri;
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + name(), e);
        }
    }

    /** Stops the server now (idempotent; also run when the JVM exits) and returns how long it took. */
    public static synchronized Duration stop() {
        if (stopTime == null && server != null) {
            stopTime = server.stop();
            record("stop-ms=" + stopTime.toMillis());
        }
        return stopTime;
    }

    /** What a stop of over 10 s left behind: the server's request threads while it waited, else "". */
    public static String slowStopRequestThreads() {
        return server == null ? "" : server.process().slowStopRequestThreads();
    }

    /** The server's console log (what it printed while the suite ran). */
    public static Path log() {
        started();
        return server.process().log();
    }

    /** Start and stop times go to target/servers/<server>-times.properties, for the matrix notes. */
    private static void record(String line) {
        try {
            Path file = server.process().log().resolveSibling(name() + "-times.properties");
            Files.writeString(file, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.err.println("could not record " + line + ": " + e);
        }
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("-D" + property + " is not set (run through a tck-tests server profile)");
        }
        return v.trim();
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: run `mvn package` first");
        }
        return p;
    }
}
