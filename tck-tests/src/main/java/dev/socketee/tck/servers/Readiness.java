package dev.socketee.tck.servers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A deployed Socket.IO app is ready when its WebSocket transport answers an upgrade with 101: some
 * servers answer servlets (200) seconds before their WebSocket container is up (503 meanwhile).
 */
public final class Readiness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    public static void awaitWebSocket(URI appUri, ServerProcess server, Duration timeout) throws InterruptedException {
        URI ws = URI.create(appUri.toString().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(server + " exited while starting; see its log");
            }
            try {
                WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2))
                        .buildAsync(ws, new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS);
                socket.abort();
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException(ws + " did not answer a WebSocket upgrade within " + timeout + " (" + server + ")", last);
    }
}
