package dev.socketee.tck.servers;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** An application server from Maven Central that the suite starts, deploys to and stops. */
public interface AppServer {

    /**
     * Starts the server on 127.0.0.1 with these WARs deployed (context root, "" for the root, to
     * the WAR file) and returns its base URI, {@code http://127.0.0.1:PORT}. Does not wait for the
     * applications: {@link ServerUnderTest} does, through each app's WebSocket upgrade.
     */
    URI start(Map<String, Path> warsByContextRoot) throws Exception;

    /** The server's management interface, where its own health and metrics endpoints are (WildFly), or null. */
    default URI managementUri() {
        return null;
    }

    /** The running process (for readiness checks and logs). */
    ServerProcess process();

    /** Stops the server, and returns how long it took. */
    default Duration stop() {
        return process().stop(Duration.ofSeconds(60));
    }
}
