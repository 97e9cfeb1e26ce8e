package dev.socketee.tck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIo;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.tck.RawHttp;
import dev.socketee.tck.RawWs;
import dev.socketee.tck.app.EmbeddedJetty;
import dev.socketee.tck.servers.ServerUnderTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The origin rule on both transports, with raw HTTP and raw WebSocket, on three bare Engine.IO
 * echo servers of one embedded Jetty: {@code /default} (no allowed origins: same-origin only),
 * {@code /listed} ({@code https://good.example}) and {@code /any} ({@code *}). A message
 * {@code cookie} is answered with the session's handshake Cookie header (or {@code none}).
 */
class OriginIT {

    private static final String EVIL = "http://evil.example";
    private static final String GOOD = "https://good.example";
    private static final String FORBIDDEN = "{\"code\":4,\"message\":\"Forbidden\"}";
    private static EmbeddedJetty server;

    @BeforeAll
    static void start() {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "runs on the embedded server only");
        server = EmbeddedJetty.start("127.0.0.1", 0, context -> {
            serve(context, "/default", List.of());
            serve(context, "/listed", List.of(GOOD));
            serve(context, "/any", List.of("*"));
        });
    }

    private static void serve(jakarta.servlet.ServletContext context, String path, List<String> origins) {
        EngineIo.serve(context, EngineIoOptions.builder().path(path).allowedOrigins(origins).build(), new EngineIoListener() {
            @Override
            public void onOpen(EngineConnection c) {
            }

            @Override
            public void onMessage(EngineConnection c, String text) {
                if (text.equals("cookie")) {
                    c.send(String.join("; ", c.handshakeHeaders().getOrDefault("cookie", List.of("none"))));
                } else {
                    c.send(text);
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The server's own origin, as a browser on a page of it sends it. */
    private static String own() {
        return "http://127.0.0.1:" + server.port();
    }

    private static URI polling(String path, String sid) {
        return URI.create(server.baseUri() + path + "/?EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid));
    }

    private static URI websocket(String path, String sid) {
        return URI.create(server.baseUri().toString().replaceFirst("^http", "ws") + path + "/?EIO=4&transport=websocket"
                + (sid == null ? "" : "&sid=" + sid));
    }

    private static HttpResponse<String> send(String method, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(RawHttp.REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return RawHttp.send(b.build());
    }

    private static HttpResponse<String> get(URI uri, Map<String, String> headers) {
        return send("GET", uri, null, headers);
    }

    private static Map<String, String> origin(String origin, String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Origin", origin);
        for (int i = 0; i + 1 < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    private static Optional<String> header(HttpResponse<?> res, String name) {
        return res.headers().firstValue(name);
    }

    private static void assertRefused(HttpResponse<String> res) {
        RawHttp.assertError(res, 403, 4, "Forbidden");
        assertNoCorsHeaders(res);
    }

    private static void assertNoCorsHeaders(HttpResponse<String> res) {
        List<String> cors = res.headers().map().keySet().stream().filter(n -> n.toLowerCase().startsWith("access-control-")).toList();
        assertEquals(List.of(), cors, () -> "CORS headers on " + res.request().method() + " " + res.request().uri());
    }

    private static String handshake(String path, Map<String, String> headers) {
        HttpResponse<String> res = get(polling(path, null), headers);
        assertEquals(200, res.statusCode(), res::body);
        return RawHttp.sidOf(res.body());
    }

    /** An echo over the session's polling: proves it is alive and unharmed. */
    private static void assertEchoes(String path, String sid) {
        HttpResponse<String> post = send("POST", polling(path, sid), "4still-here", Map.of());
        assertEquals("200 ok", post.statusCode() + " " + post.body());
        HttpResponse<String> poll = get(polling(path, sid), Map.of());
        assertEquals("200 4still-here", poll.statusCode() + " " + RawHttp.show(poll.body()));
    }

    // ---- refused -------------------------------------------------------------------------------

    @Test
    void aForeignOriginIsRefusedOnThePollingHandshake() {
        assertRefused(get(polling("/default", null), origin(EVIL)));
        assertRefused(get(polling("/listed", null), origin(EVIL)));
    }

    @Test
    void aForeignOriginIsRefusedOnGetAndPostWithAValidSid() {
        String sid = handshake("/default", Map.of());
        assertRefused(get(polling("/default", sid), origin(EVIL)));
        assertRefused(send("POST", polling("/default", sid), "4from-evil", origin(EVIL)));
        assertEchoes("/default", sid); // nothing from evil reached it, and it lives on
    }

    @Test
    void aForeignPreflightIsRefusedWithoutCorsHeaders() {
        HttpResponse<String> res = send("OPTIONS", polling("/default", null), null,
                origin(EVIL, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
        assertRefused(res);
    }

    @Test
    void aForeignOriginIsRefusedOnTheWebSocketHandshake() {
        assertEquals(403, RawWs.refusedHandshakeStatus(websocket("/default", null), origin(EVIL)));
        assertEquals(403, RawWs.refusedHandshakeStatus(websocket("/listed", null), origin(EVIL)));
    }

    @Test
    void aForeignOriginIsRefusedOnTheWebSocketUpgradeOfAPollingSid() {
        String sid = handshake("/default", Map.of());
        assertEquals(403, RawWs.refusedHandshakeStatus(websocket("/default", sid), origin(EVIL, "Cookie", "JSESSIONID=victim")));
        try (RawWs ws = RawWs.connect(websocket("/default", sid), origin(own()))) {
            ws.sendText("2probe");
            ws.expectText("3probe"); // the session's own page still upgrades
        }
    }

    @Test
    void theOwnOriginWithoutItsProxyHeadersIsNotTheProxysOrigin() {
        assertRefused(get(polling("/default", null), origin("https://app.example")));
        assertRefused(get(polling("/default", null), origin("https://127.0.0.1:" + server.port())));
    }

    // ---- accepted ------------------------------------------------------------------------------

    @Test
    void theOwnOriginIsAcceptedWithoutCorsHeadersOnBothTransports() {
        HttpResponse<String> res = get(polling("/default", null), origin(own()));
        assertEquals(200, res.statusCode(), res::body);
        assertTrue(res.body().startsWith("0{"), res::body);
        assertNoCorsHeaders(res);
        assertEquals("Origin", header(res, "Vary").orElse(null));
        String sid = RawHttp.sidOf(res.body());
        HttpResponse<String> post = send("POST", polling("/default", sid), "4same", origin(own()));
        assertEquals("200 ok", post.statusCode() + " " + post.body());
        try (RawWs ws = RawWs.connect(websocket("/default", null), origin(own()))) {
            assertTrue(ws.nextText().startsWith("0{"));
        }
    }

    @Test
    void behindAProxyTheForwardedOriginIsTheOwnOne() {
        Map<String, String> proxied = origin("https://app.example", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example");
        HttpResponse<String> res = get(polling("/default", null), proxied);
        assertEquals(200, res.statusCode(), res::body);
        assertNoCorsHeaders(res);
        try (RawWs ws = RawWs.connect(websocket("/default", null), proxied)) {
            assertTrue(ws.nextText().startsWith("0{"));
        }
        // a TLS-terminating proxy that only says the scheme; default port 443 left out or not
        Map<String, String> tls = origin("https://127.0.0.1:" + server.port(), "X-Forwarded-Proto", "https");
        assertEquals(200, get(polling("/default", null), tls).statusCode());
        Map<String, String> port443 = origin("https://app.example", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example:443");
        assertEquals(200, get(polling("/default", null), port443).statusCode());
    }

    @Test
    void aRequestWithoutOriginIsAcceptedWithoutCorsHeaders() {
        HttpResponse<String> res = get(polling("/default", null), Map.of());
        assertEquals(200, res.statusCode(), res::body);
        assertNoCorsHeaders(res);
        try (RawWs ws = RawWs.connect(websocket("/default", null), Map.of())) {
            assertTrue(ws.nextText().startsWith("0{"));
        }
    }

    @Test
    void aListedOriginIsAcceptedWithCredentials() {
        HttpResponse<String> res = get(polling("/listed", null), origin(GOOD, "Cookie", "JSESSIONID=user"));
        assertEquals(200, res.statusCode(), res::body);
        assertEquals(GOOD, header(res, "Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", header(res, "Access-Control-Allow-Credentials").orElse(null));
        assertEquals("Origin", header(res, "Vary").orElse(null));
        String sid = RawHttp.sidOf(res.body());
        HttpResponse<String> post = send("POST", polling("/listed", sid), "4cookie", origin(GOOD));
        assertEquals("200 ok", post.statusCode() + " " + post.body());
        HttpResponse<String> poll = get(polling("/listed", sid), origin(GOOD));
        assertEquals("200 4JSESSIONID=user", poll.statusCode() + " " + poll.body());
        try (RawWs ws = RawWs.connect(websocket("/listed", null), origin(GOOD, "Cookie", "JSESSIONID=user"))) {
            assertTrue(ws.nextText().startsWith("0{"));
            ws.sendText("4cookie");
            ws.expectText("4JSESSIONID=user");
        }
    }

    @Test
    void aListedOriginsPreflightEchoesOnlyWhatItMust() {
        HttpResponse<String> res = send("OPTIONS", polling("/listed", null), null, origin(GOOD,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, x-token, x-forwarded-host, cookie"));
        assertEquals(204, res.statusCode(), res::body);
        assertEquals(GOOD, header(res, "Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", header(res, "Access-Control-Allow-Credentials").orElse(null));
        assertEquals("GET, POST, OPTIONS", header(res, "Access-Control-Allow-Methods").orElse(null));
        assertEquals("content-type, x-token", header(res, "Access-Control-Allow-Headers").orElse(null));
        assertEquals("Origin", header(res, "Vary").orElse(null));
    }

    @Test
    void starAcceptsAnyOriginWithoutCredentials() {
        HttpResponse<String> res = get(polling("/any", null), origin(EVIL, "Cookie", "JSESSIONID=victim"));
        assertEquals(200, res.statusCode(), res::body);
        assertEquals("*", header(res, "Access-Control-Allow-Origin").orElse(null));
        assertFalse(header(res, "Access-Control-Allow-Credentials").isPresent(), res.headers()::toString);
        String sid = RawHttp.sidOf(res.body());
        HttpResponse<String> post = send("POST", polling("/any", sid), "4cookie", origin(EVIL));
        assertEquals("200 ok", post.statusCode() + " " + post.body());
        HttpResponse<String> poll = get(polling("/any", sid), origin(EVIL));
        assertEquals("200 4none", poll.statusCode() + " " + poll.body(), "the session got the cookie of a foreign page");

        HttpResponse<String> preflight = send("OPTIONS", polling("/any", null), null,
                origin(EVIL, "Access-Control-Request-Method", "POST"));
        assertEquals(204, preflight.statusCode());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin").orElse(null));
        assertFalse(header(preflight, "Access-Control-Allow-Credentials").isPresent());

        try (RawWs ws = RawWs.connect(websocket("/any", null), origin(EVIL, "Cookie", "JSESSIONID=victim"))) {
            assertTrue(ws.nextText().startsWith("0{"));
            ws.sendText("4cookie");
            ws.expectText("4none");
        }
    }
}
