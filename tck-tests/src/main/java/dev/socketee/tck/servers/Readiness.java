package dev.socketee.tck.servers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A deployed Socket.IO app is ready when its WebSocket transport answers an upgrade with 101 (some
 * servers answer servlets seconds before their WebSocket container is up: 503 meanwhile) and its
 * polling handshake answers an open packet, and the server has logged the end of its start sequence
 * (Payara Micro serves the apps it booted from its domain before it redeploys them: see
 * {@link PayaraMicro}).
 */
public final class Readiness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /** The polling transport must be up as well: some servers route upgrades before the servlet serves. */
    private static boolean pollingHandshakeAnswers(URI appUri) {
        try {
            HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(appUri + "/socket.io/?EIO=4&transport=polling"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 && res.body().startsWith("0{");
        } catch (Exception e) {
            return false;
        }
    }

    public static void awaitWebSocket(URI appUri, ServerProcess server, Duration timeout) throws InterruptedException {
        URI ws = URI.create(appUri.toString().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(server + " exited while starting; see its log");
            }
            if (!server.hasLoggedStart()) {
                Thread.sleep(250);
                continue;
            }
            try {
                WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2))
                        .buildAsync(ws, new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS);
                socket.abort();
                if (pollingHandshakeAnswers(appUri)) {
                    return;
                }
            } catch (Exception e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException(ws + " (and the polling handshake) did not answer a WebSocket upgrade within " + timeout
                + (server.hasLoggedStart() ? "" : ", nor did the server log the end of its start") + " (" + server + ")", last);
    }
}
