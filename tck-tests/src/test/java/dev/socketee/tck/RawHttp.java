package dev.socketee.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw Engine.IO over HTTP long-polling with java.net.http, for wire-level assertions. */
public final class RawHttp {
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final char SEP = '\u001e';
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]*)\"");

    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RawHttp() {}

    /** {@code <base>/engine.io/?EIO=4&transport=polling} plus extra query (which must start with '&' if given). */
    public static URI engineUri(String path, String query) {
        return URI.create(TestServer.baseUrl() + path + "?" + query);
    }

    public static URI pollingUri(String path, String sid) {
        return engineUri(path, "EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid));
    }

    public static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build());
    }

    public static CompletableFuture<HttpResponse<String>> getAsync(URI uri) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> post(URI uri, String body) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public static CompletableFuture<HttpResponse<String>> postAsync(URI uri, String body) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> send(HttpRequest req) {
        try {
            return CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("HTTP " + req.method() + " " + req.uri() + " failed: " + e, e);
        }
    }

    /** Polling handshake on the given path; asserts 200 + open packet and returns the sid. */
    public static String handshake(String path) {
        HttpResponse<String> res = get(pollingUri(path, null));
        assertEquals(200, res.statusCode(), () -> "handshake status, body: " + res.body());
        assertTrue(res.body().startsWith("0{"), () -> "handshake body must be an open packet: " + res.body());
        return sidOf(res.body());
    }

    public static String sidOf(String openPacket) {
        Matcher m = SID.matcher(openPacket);
        assertTrue(m.find(), () -> "no sid in " + openPacket);
        return m.group(1);
    }

    /** Asserts the JSON error reply node's engine.io gives: status 400 and {"code":N,"message":"..."}. */
    public static void assertError(HttpResponse<String> res, int status, int code, String message) {
        String expected = "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
        assertEquals(status + " " + expected, res.statusCode() + " " + res.body(),
                () -> res.request().method() + " " + res.request().uri());
        String ct = res.headers().firstValue("Content-Type").orElse("");
        assertTrue(ct.startsWith("application/json"), () -> "error Content-Type was '" + ct + "'");
    }

    /** POSTs a payload to the session and asserts the answer {@code 200 ok}. */
    public static void postOk(String path, String sid, String body) {
        HttpResponse<String> res = post(pollingUri(path, sid), body);
        assertEquals("200 ok", res.statusCode() + " " + show(res.body()), () -> "POST " + show(body));
    }

    /** Splits a polling payload into its packets. */
    public static java.util.List<String> packets(String body) {
        return java.util.List.of(body.split(String.valueOf(SEP), -1));
    }

    /**
     * GETs (long-polling) until {@code n} packets other than pings have arrived, answering every ping "2"
     * with a pong "3"; returns those packets in order. Fails after 5 s or on a non-200 answer.
     */
    public static java.util.List<String> pollPackets(String path, String sid, int n) {
        java.util.List<String> got = new java.util.ArrayList<>();
        java.util.List<String> bodies = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        while (got.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " packets, got " + got + " from bodies " + bodies);
            }
            HttpResponse<String> res = get(pollingUri(path, sid));
            bodies.add(res.statusCode() + " " + show(res.body()));
            assertEquals(200, res.statusCode(), () -> "GET bodies so far: " + bodies);
            for (String p : packets(res.body())) {
                if (p.equals("2")) {
                    HttpResponse<String> pong = post(pollingUri(path, sid), "3");
                    assertEquals("200 ok", pong.statusCode() + " " + pong.body(), "pong POST");
                } else {
                    got.add(p);
                }
            }
        }
        assertEquals(n, got.size(), () -> "more packets than expected: " + got + " from " + bodies);
        return got;
    }

    /** Joins packets with the record separator, as in the polling payload format. */
    public static String payload(String... packets) {
        return String.join(String.valueOf(SEP), packets);
    }

    /** Renders a payload readably (\x1e shown as "\x1e") for failure messages. */
    public static String show(String s) {
        return s == null ? "null" : s.replace(String.valueOf(SEP), "\\x1e");
    }
}
