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

    private static URI start(AppServer server) {
        Path wars = Path.of(required("socketee.wars.dir"));
        Map<String, Path> deployments = new LinkedHashMap<>();
        deployments.put("", existing(wars.resolve("socketee-tck-conformance.war")));
        deployments.put(CDI_CONTEXT, existing(wars.resolve("socketee-tck-cdi.war")));
        long t0 = System.nanoTime();
        try {
            URI uri = server.start(deployments);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> report(server, server.stop()), name() + "-stop"));
            Readiness.awaitWebSocket(uri, server.process(), START_TIMEOUT);
            Readiness.awaitWebSocket(URI.create(uri + "/" + CDI_CONTEXT), server.process(), START_TIMEOUT);
            System.out.printf("[%s] both apps answer WebSocket upgrades %d ms after launch: %s%n",
                    name(), (System.nanoTime() - t0) / 1_000_000, server.process());
            return uri;
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + name(), e);
        }
    }

    private static void report(AppServer server, Duration stopTime) {
        System.out.printf("[%s] stopped in %d ms with the suite's sockets closed or abandoned; log: %s%n",
                name(), stopTime.toMillis(), server.process().log());
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
