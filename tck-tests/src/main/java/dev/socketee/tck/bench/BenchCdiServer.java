package dev.socketee.tck.bench;

import dev.socketee.tck.app.EmbeddedJetty;
import java.util.Map;

/**
 * The bench app on the user's path: {@link BenchHandlers} as CDI observers on embedded Jetty 12 +
 * Weld (as socketee-run runs a WAR), library default settings. The internal-registry
 * {@code bench} app stays for comparison.
 */
public final class BenchCdiServer {

    private BenchCdiServer() {
    }

    public static EmbeddedJetty start(String host, int port) {
        System.setProperty(BenchCdiExtension.PROPERTY, "true");
        // -Dsocketee.allow-eio3=true: Engine.IO v3 clients too (bench run.sh targets with :eio3)
        return EmbeddedJetty.startCdi(host, port, Map.of("socketee.allow-eio3", String.valueOf(Boolean.getBoolean("socketee.allow-eio3"))));
    }
}
