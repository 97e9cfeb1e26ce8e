package dev.socketee.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Engine.IO v4 / Socket.IO v5 wire, spoken by hand over the JDK's HTTP client: enough to
 * prove that polling and WebSocket both work through a connector (node's socket.io-client does
 * the same over TLS in examples-war's RunnerTlsClientIT).
 */
final class EngineIoClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private EngineIoClient() {
    }

    /** Polling: open, connect to "/", emit {@code echo} with an ack id, read the ack packet. */
    static String pollingEchoAck(HttpClient http, String base, String text) throws Exception {
        String open = get(http, base + "socket.io/?EIO=4&transport=polling");
        String sid = open.replaceFirst("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
        String url = base + "socket.io/?EIO=4&transport=polling&sid=" + sid;
        post(http, url, "40");
        String connected = get(http, url);
        if (!connected.startsWith("40{")) {
            throw new AssertionError("no CONNECT reply: " + connected);
        }
        post(http, url, "421[\"echo\",\"" + text + "\"]");
        String reply = get(http, url);
        while (reply.equals("2")) { // a ping in between: answer it, read on
            post(http, url, "3");
            reply = get(http, url);
        }
        return reply;
    }

    /** WebSocket: the open packet, connect to "/", emit {@code echo} with an ack id, the ack packet. */
    static String webSocketEchoAck(HttpClient http, String wsBase, String text) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(wsBase + "socket.io/?EIO=4&transport=websocket"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        w.request(1);
                        return null;
                    }
                }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try {
            expectPrefix(frames, "0{");
            ws.sendText("40", true).get();
            expectPrefix(frames, "40{");
            ws.sendText("420[\"echo\",\"" + text + "\"]", true).get();
            return expectPrefix(frames, "430");
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    private static String expectPrefix(BlockingQueue<String> frames, String prefix) throws InterruptedException {
        for (;;) {
            String f = frames.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (f == null) {
                throw new AssertionError("no frame starting with " + prefix);
            }
            if (f.startsWith(prefix)) {
                return f;
            }
            if (!f.equals("2")) {
                throw new AssertionError("expected " + prefix + "..., got " + f);
            }
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static void post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("POST " + url + ": " + r.statusCode() + " " + r.body());
        }
    }
}
