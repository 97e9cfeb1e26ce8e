package dev.socketee.tck.servers;

import dev.socketee.tck.support.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * WildFly from its distribution zip (org.wildfly:wildfly-dist, unpacked by the {@code wildfly}
 * profile), standalone with the default {@code standalone.xml} plus MicroProfile Health and
 * Micrometer (see {@link #addHealthAndMicrometer}, at community stability). Deploys by copying the
 * WARs into {@code standalone/deployments}; every port is shifted by one free offset.
 */
public final class WildFly implements AppServer {
    private static final int HTTP = 8080;
    private final Path home;
    private ServerProcess process;
    private int offset;

    public WildFly(Path home) {
        this.home = home;
    }

    @Override
    public URI start(Map<String, Path> wars) throws IOException {
        Path deployments = home.resolve("standalone/deployments");
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            String name = war.getKey().isEmpty() ? "ROOT.war" : war.getKey() + ".war";
            Files.copy(war.getValue(), deployments.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        freeTheRootContext();
        addHealthAndMicrometer();
        // http, https, management http/https, transaction recovery and status
        offset = FreePorts.offsetFreeFor(HTTP, 8443, 9990, 9993, 4712, 4713);
        String script = home.resolve("bin/standalone.sh").toString();
        process = ServerProcess.start("wildfly", List.of("sh", script,
                        "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                        "--stability=community", // Micrometer's Prometheus registry is a community-stability feature
                        "-Djboss.socket.binding.port-offset=" + offset),
                home, Map.of("JAVA_HOME", System.getProperty("java.home")), home.resolveSibling("wildfly.log"));
        return URI.create("http://127.0.0.1:" + (HTTP + offset));
    }

    /**
     * MicroProfile Health and Micrometer with its Prometheus registry (on the management port, at
     * {@code /health} and {@code /prometheus}): the default standalone.xml has neither, and
     * standalone-microprofile.xml has Health but no Micrometer. OperationsIT reads both.
     */
    private void addHealthAndMicrometer() throws IOException {
        Path config = home.resolve("standalone/configuration/standalone.xml");
        String xml = Files.readString(config);
        if (xml.contains("org.wildfly.extension.micrometer")) {
            return;
        }
        String configExtension = "<extension module=\"org.wildfly.extension.microprofile.config-smallrye\"/>";
        String configSubsystem = "<subsystem xmlns=\"urn:wildfly:microprofile-config-smallrye:2.0\"/>";
        if (!xml.contains(configExtension) || !xml.contains(configSubsystem)) {
            throw new IOException("standalone.xml has no MicroProfile Config subsystem to add Health and Micrometer next to");
        }
        xml = xml.replace(configExtension, configExtension
                + "\n        <extension module=\"org.wildfly.extension.microprofile.health-smallrye\"/>"
                + "\n        <extension module=\"org.wildfly.extension.micrometer\"/>");
        xml = xml.replace(configSubsystem, configSubsystem
                + "\n        <subsystem xmlns=\"urn:wildfly:microprofile-health-smallrye:3.0\" security-enabled=\"false\""
                + " empty-liveness-checks-status=\"UP\" empty-readiness-checks-status=\"UP\" empty-startup-checks-status=\"UP\"/>"
                + "\n        <subsystem xmlns=\"urn:wildfly:micrometer:community:2.0\" exposed-subsystems=\"*\">"
                + "<prometheus-registry context=\"/prometheus\" security-enabled=\"false\"/></subsystem>");
        Files.writeString(config, xml);
    }

    /** The default config serves a welcome page at "/", which a ROOT.war cannot take over. */
    private void freeTheRootContext() throws IOException {
        Path config = home.resolve("standalone/configuration/standalone.xml");
        String xml = Files.readString(config);
        String welcome = "<location name=\"/\" handler=\"welcome-content\"/>";
        if (xml.contains(welcome)) {
            Files.writeString(config, xml.replace(welcome, ""));
        }
    }

    @Override
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + (9990 + offset));
    }

    @Override
    public ServerProcess process() {
        return process;
    }
}
