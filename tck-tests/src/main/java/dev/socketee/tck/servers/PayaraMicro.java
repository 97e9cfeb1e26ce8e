package dev.socketee.tck.servers;

import dev.socketee.tck.support.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Payara Micro (fish.payara.extras:payara-micro, one jar copied by the {@code payara} profile).
 * The HTTP listeners are bound to 127.0.0.1 by preboot commands and Hazelcast is switched off.
 * Known leak: Payara Micro 6.2025.10 still opens one listener on *:6900 (its data-grid start
 * port) even with --nocluster --nohazelcast; neither a Hazelcast preboot command
 * (set-hazelcast-configuration --enabled=false fails at boot) nor Hazelcast system properties
 * move it. A WAR named ROOT.war is deployed at the root context.
 * <p>
 * Each start gets an empty {@code --rootdir}: Payara Micro records the {@code --deploy}ed apps in
 * the root dir's domain.xml, boots them from there on the next start (the previous build, already
 * answering), then undeploys and redeploys them from {@code --deploy} seconds later, closing every
 * session under the tests. Readiness also waits for the "ready in" line Payara logs once its
 * deployments are done.
 */
public final class PayaraMicro implements AppServer {
    /** Logged as "Payara Micro 6.2025.10 (build 42) ready in 12,415 (ms)", after "Deployed N archive(s)". */
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in [0-9,.]+ \\(ms\\)");

    private final Path home;
    private ServerProcess process;

    /** {@code home}: the directory holding payara-micro.jar. */
    public PayaraMicro(Path home) {
        this.home = home;
    }

    @Override
    public URI start(Map<String, Path> wars) throws IOException {
        Path jar = home.resolve("payara-micro.jar");
        Path dir = Files.createDirectories(home.resolve("run"));
        Path root = dir.resolve("root");
        deleteTree(root);
        Path preboot = dir.resolve("preboot.asadmin");
        Files.writeString(preboot, """
                set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
                set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1
                """);
        int http = FreePorts.any();
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString(),
                "--nocluster", "--nohazelcast",
                "--port", String.valueOf(http), "--sslport", String.valueOf(FreePorts.any()),
                "--prebootcommandfile", preboot.toString(), "--rootdir", root.toString()));
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            Path named = dir.resolve(war.getKey().isEmpty() ? "ROOT.war" : war.getKey() + ".war");
            Files.copy(war.getValue(), named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            cmd.add("--deploy");
            cmd.add(named.toString());
        }
        process = ServerProcess.start("payara-micro", cmd, dir, Map.of(), home.resolveSibling("payara-micro.log"), READY);
        return URI.create("http://127.0.0.1:" + http);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public ServerProcess process() {
        return process;
    }
}
