package dev.socketee.tck.servers;

import dev.socketee.tck.support.FreePorts;
import dev.socketee.tck.support.LibertyServerXml;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Open Liberty from its full runtime zip (io.openliberty:openliberty-runtime, unpacked by the
 * {@code liberty} profile). Creates a server "socketee" with the EE 10 web features Socketee needs
 * plus MicroProfile Config, Health and Metrics (OperationsIT reads /health and /metrics), and runs it
 * in the foreground.
 */
public final class OpenLiberty implements AppServer {
    private static final String SERVER = "socketee";
    private final Path wlp;
    private ServerProcess process;

    public OpenLiberty(Path wlp) {
        this.wlp = wlp;
    }

    @Override
    public URI start(Map<String, Path> wars) throws IOException {
        Path server = Files.createDirectories(wlp.resolve("usr/servers/" + SERVER));
        Path apps = Files.createDirectories(server.resolve("apps"));
        StringBuilder applications = new StringBuilder();
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            String name = (war.getKey().isEmpty() ? "root" : war.getKey()) + ".war";
            Files.copy(war.getValue(), apps.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            applications.append("    <webApplication location=\"").append(name)
                    .append("\" contextRoot=\"/").append(war.getKey()).append("\"/>\n");
        }
        int http = FreePorts.any();
        Files.writeString(server.resolve("server.xml"), LibertyServerXml.of("Socketee tck-tests",
                LibertyServerXml.socketeeFeaturesAnd("mpConfig-3.1", "mpHealth-4.0", "mpMetrics-5.1"), http,
                "    <mpMetrics authentication=\"false\"/>\n" + applications));
        process = ServerProcess.start("open-liberty", List.of("sh", wlp.resolve("bin/server").toString(), "run", SERVER),
                wlp, Map.of("JAVA_HOME", System.getProperty("java.home")), wlp.resolveSibling("open-liberty.log"));
        return URI.create("http://127.0.0.1:" + http);
    }

    @Override
    public ServerProcess process() {
        return process;
    }
}
