package dev.socketee.tck.cluster;

import dev.socketee.tck.support.FreePorts;
import dev.socketee.tck.servers.Readiness;
import dev.socketee.tck.servers.ServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Socketee node of a test cluster: the cluster test WAR ({@code ClusterHandlers} with
 * socketee-redis in WEB-INF/lib) on the embedded default, {@code socketee-run.jar}, in its own JVM,
 * as a user runs it: {@code java -Dsocketee.adapter=redis -Dsocketee.redis.uri=... -jar
 * socketee-run.jar cluster.war --port N}. Ready once it answers a WebSocket upgrade.
 */
public final class SocketeeNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final ServerProcess process;

    private SocketeeNode(String name, int port, ServerProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** {@code extra}: more system properties, e.g. {@code socketee.redis.sharded=true}. */
    public static SocketeeNode start(String name, String redisUri, String key, Map<String, String> extra) throws Exception {
        Path runner = Path.of(required("socketee.runner.jar"));
        Path war = Path.of(required("socketee.cluster.war"));
        int port = FreePorts.any();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-Dsocketee.adapter=redis", "-Dsocketee.redis.uri=" + redisUri, "-Dsocketee.redis.key=" + key,
                "-Dsocketee.redis.requests-timeout=2000",
                "-Dsocketee.ping-interval=2000", "-Dsocketee.ping-timeout=2000",
                "-Dsocketee.node.name=" + name));
        extra.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", runner.toString(), war.toString(), "--port", String.valueOf(port), "--host", "127.0.0.1"));
        Path log = Path.of("target", "cluster-" + name + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        ServerProcess p = ServerProcess.start("socketee-" + name, cmd, Path.of("."), Map.of(), log, Pattern.compile("Socketee is serving"));
        SocketeeNode node = new SocketeeNode(name, port, p);
        try {
            Readiness.awaitWebSocket(URI.create(node.url()), p, START_TIMEOUT);
        } catch (RuntimeException | Error | InterruptedException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private static String required(String key) {
        String v = System.getProperty(key);
        if (v == null || !Files.exists(Path.of(v))) {
            throw new IllegalStateException(key + " must name a built file (mvn install builds it): " + v);
        }
        return v;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return process.log();
    }

    public String logText() {
        try {
            return Files.readString(process.log());
        } catch (java.io.IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return "socketee node " + name + " " + url();
    }
}
