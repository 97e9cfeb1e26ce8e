package dev.socketee.incontainer.arquillian;

import dev.socketee.tck.support.FreePorts;
import dev.socketee.tck.support.LibertyServerXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a server needs before Arquillian reads {@code arquillian.xml}: free loopback ports (as
 * system properties the file refers to), Open Liberty's {@code server.xml}, Payara Micro's
 * preboot commands. Run once per test JVM, from {@link SocketeeArquillianExtension}.
 */
final class ServerSetup {

    private ServerSetup() {
    }

    static void prepare(String server) {
        try {
            switch (server) {
                case "wildfly" -> wildFly();
                case "liberty" -> liberty(Path.of(System.getProperty("socketee.server.home")));
                case "payara" -> payara(Path.of(System.getProperty("socketee.server.home")));
                default -> { }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One offset that frees http, https, management http/https and the transaction ports. */
    private static void wildFly() {
        int offset = FreePorts.offsetFreeFor(8080, 8443, 9990, 9993, 4712, 4713);
        System.setProperty("socketee.port.offset", String.valueOf(offset));
        System.setProperty("socketee.management.port", String.valueOf(9990 + offset));
    }

    /** Features Socketee and the tests need; the adapter deploys through the local JMX connector. */
    private static void liberty(Path wlp) throws IOException {
        int http = FreePorts.any();
        System.setProperty("socketee.http.port", String.valueOf(http));
        Path server = Files.createDirectories(wlp.resolve("usr/servers/socketee-it"));
        Files.createDirectories(server.resolve("dropins"));
        Files.writeString(server.resolve("server.xml"), LibertyServerXml.of("Socketee in-container tests",
                LibertyServerXml.socketeeFeaturesAnd("concurrent-3.0", "jndi-1.0", "localConnector-1.0"), http,
                "    <applicationMonitor updateTrigger=\"mbean\"/>\n"));
    }

    /** HTTP listeners on loopback only (Payara Micro binds all interfaces otherwise). */
    private static void payara(Path home) throws IOException {
        Path preboot = home.resolve("it-preboot.txt");
        Files.writeString(preboot, """
                set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
                set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1
                """);
        System.setProperty("socketee.payara.preboot", preboot.toString());
    }
}
