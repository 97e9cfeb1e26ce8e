package dev.socketee.incontainer;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine.IO v4 long-polling by hand, from the test JVM: what a client library does not let a test
 * choose, e.g. several packets in one POST (socket.io-client batches what it emits while a POST
 * is in flight).
 */
final class RawPolling {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
    private final String base;
    private final String sid;

    private RawPolling(String base, String sid) {
        this.base = base;
        this.sid = sid;
    }

    /** Opens a session on the WAR at {@code url} and connects {@code namespace}; returns the session and the socket id. */
    static RawPolling connect(URL url, String namespace) throws Exception {
        String base = url.toString().replaceFirst("/?$", "/") + "socket.io/?EIO=4&transport=polling";
        Matcher m = SID.matcher(get(base));
        if (!m.find()) {
            throw new AssertionError("no handshake from " + base);
        }
        RawPolling p = new RawPolling(base, m.group(1));
        p.post("40" + namespace + ",");
        String answer = p.poll();
        if (!answer.startsWith("40" + namespace + ",")) {
            throw new AssertionError("no CONNECT answer for " + namespace + ": " + answer);
        }
        return p;
    }

    /** One POST carrying all the packets (Engine.IO's record separator between them). */
    void post(String... packets) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "&sid=" + sid))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(String.join("\u001e", packets)))
                .header("Content-Type", "text/plain;charset=UTF-8").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("POST answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The packets of one GET (pings answered and skipped). */
    String poll() throws Exception {
        return get(base + "&sid=" + sid);
    }

    /** Polls until {@code count} packets starting with {@code prefix} arrived (at most 20 polls). */
    List<String> awaitPackets(String prefix, int count) throws Exception {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < 20 && found.size() < count; i++) {
            for (String p : poll().split("\u001e")) {
                if (p.equals("2")) {
                    post("3");
                } else if (p.startsWith(prefix)) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    private static String get(String uri) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(40)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
