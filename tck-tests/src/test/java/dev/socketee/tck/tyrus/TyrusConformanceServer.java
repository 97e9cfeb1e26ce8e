package dev.socketee.tck.tyrus;

import dev.socketee.se.TyrusServer;
import dev.socketee.tck.app.ConformanceApp;
import java.net.URI;

/**
 * The conformance app websocket-only on Tyrus standalone (Grizzly, no servlets): what
 * {@code TestServer} starts when the suite runs with {@code -Dsocketee.websocket=tyrus} (the
 * {@code tyrus} execution of this module). Same contract as {@code ConformanceServer}.
 */
public final class TyrusConformanceServer implements AutoCloseable {

    private final TyrusServer server;
    private final Runnable apps;

    private TyrusConformanceServer(TyrusServer server, Runnable apps) {
        this.server = server;
        this.apps = apps;
    }

    public static TyrusConformanceServer start(String host, int port) {
        Runnable[] apps = new Runnable[1];
        TyrusServer server = TyrusServer.start(host, port, container -> apps[0] = ConformanceApp.setUpWebSocketOnly(container));
        return new TyrusConformanceServer(server, apps[0]);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        apps.run(); // sessions end with "server shutting down" while the container still runs
        server.close();
    }
}
