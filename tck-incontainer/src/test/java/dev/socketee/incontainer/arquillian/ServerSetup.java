package dev.socketee.incontainer.arquillian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
    private static void wildFly() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 1000 + (int) (Math.random() * 40000);
            if (free(8080 + offset) && free(8443 + offset) && free(9990 + offset) && free(9993 + offset)
                    && free(4712 + offset) && free(4713 + offset)) {
                System.setProperty("socketee.port.offset", String.valueOf(offset));
                System.setProperty("socketee.management.port", String.valueOf(9990 + offset));
                return;
            }
        }
        throw new IOException("No free port offset for WildFly");
    }

    /** Features Socketee and the tests need; the adapter deploys through the local JMX connector. */
    private static void liberty(Path wlp) throws IOException {
        int http = anyFreePort();
        System.setProperty("socketee.http.port", String.valueOf(http));
        Path server = Files.createDirectories(wlp.resolve("usr/servers/socketee-it"));
        Files.createDirectories(server.resolve("dropins"));
        Files.writeString(server.resolve("server.xml"), """
                <server description="Socketee in-container tests">
                    <featureManager>
                        <feature>servlet-6.0</feature>
                        <feature>websocket-2.1</feature>
                        <feature>cdi-4.0</feature>
                        <feature>jsonb-3.0</feature>
                        <feature>concurrent-3.0</feature>
                        <feature>jndi-1.0</feature>
                        <feature>localConnector-1.0</feature>
                    </featureManager>
                    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                    <applicationMonitor updateTrigger="mbean"/>
                </server>
                """.formatted(http));
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

    private static boolean free(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
