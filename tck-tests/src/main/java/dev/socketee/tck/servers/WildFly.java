package dev.socketee.tck.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * WildFly from its distribution zip (org.wildfly:wildfly-dist, unpacked by the {@code wildfly}
 * profile), standalone with the default {@code standalone.xml}. Deploys by copying the WARs into
 * {@code standalone/deployments}; every port is shifted by one free offset.
 */
public final class WildFly implements AppServer {
    private static final int HTTP = 8080;
    private final Path home;
    private ServerProcess process;

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
        // http, https, management http/https, transaction recovery and status
        int offset = FreePorts.offsetFreeFor(HTTP, 8443, 9990, 9993, 4712, 4713);
        String script = home.resolve("bin/standalone.sh").toString();
        process = ServerProcess.start("wildfly", List.of("sh", script,
                        "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                        "-Djboss.socket.binding.port-offset=" + offset),
                home, Map.of("JAVA_HOME", System.getProperty("java.home")), home.resolveSibling("wildfly.log"));
        return URI.create("http://127.0.0.1:" + (HTTP + offset));
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
    public ServerProcess process() {
        return process;
    }
}
