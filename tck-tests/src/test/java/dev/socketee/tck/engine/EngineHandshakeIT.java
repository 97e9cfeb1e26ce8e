package dev.socketee.tck.engine;

import static dev.socketee.tck.RawHttp.get;
import static dev.socketee.tck.RawHttp.pollingUri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawHttp;
import dev.socketee.tck.RawWs;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import dev.socketee.tck.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engine.IO v4 handshake, on both transports and both paths, and its CORS headers (same-origin by default; OriginIT has the rest). */
class EngineHandshakeIT {
    static final String PATH = "/engine.io/";

    /** Asserts an open packet and returns its sid. */
    static String assertOpenPacket(String body, String upgradesJson) {
        assertTrue(body.startsWith("0{"), () -> "not an open packet: " + body);
        Map<String, Object> o = Json.object(body.substring(1));
        assertEquals(new TreeSet<>(Set.of("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload")),
                new TreeSet<>(o.keySet()), () -> "open packet keys: " + body);
        assertEquals(Json.parse(upgradesJson), o.get("upgrades"), body);
        assertEquals(300L, o.get("pingInterval"), body);
        assertEquals(200L, o.get("pingTimeout"), body);
        assertEquals(1000000L, o.get("maxPayload"), body);
        assertTrue(o.get("sid") instanceof String, body);
        String sid = (String) o.get("sid");
        assertTrue(sid.matches("[A-Za-z0-9_-]{20,}"), () -> "sid must be URL-safe and >= 20 chars: '" + sid + "'");
        return sid;
    }

    @Test
    void pollingHandshakeReturnsOpenPacket() {
        HttpResponse<String> res = get(pollingUri(PATH, null));
        assertEquals(200, res.statusCode(), res.body());
        // media types compare case-insensitively, with optional whitespace around ";" (RFC 9110 8.3.1)
        assertEquals("text/plain;charset=utf-8", res.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        assertOpenPacket(res.body(), "[\"websocket\"]");
        // the whole body is the open packet: no other packet batched with it
        assertFalse(res.body().contains(String.valueOf(RawHttp.SEP)), () -> RawHttp.show(res.body()));
    }

    @Test
    void pollingHandshakeOnSocketIoPathToo() {
        HttpResponse<String> res = get(pollingUri("/socket.io/", null));
        assertEquals(200, res.statusCode(), res.body());
        assertOpenPacket(res.body(), "[\"websocket\"]");
    }

    @Test
    void sidsAreUniqueAcrossHandshakes() {
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String sid = assertOpenPacket(get(pollingUri(PATH, null)).body(), "[\"websocket\"]");
            assertTrue(sids.add(sid), () -> "duplicate sid " + sid);
        }
    }

    @Test
    void websocketHandshakeSendsOpenPacketWithoutUpgrades() {
        try (RawWs ws = RawWs.engine(PATH, null)) {
            RawWs.Frame f = ws.next();
            assertTrue(f.isText(), () -> "first frame must be a text open packet, got " + f);
            assertOpenPacket(f.text(), "[]");
        }
    }

    /** The server's own origin, as a page served by it sends it. */
    private static String ownOrigin() {
        java.net.URI u = dev.socketee.tck.TestServer.baseUri();
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    @Test
    void aForeignOriginIsForbiddenByDefault() {
        // was: echoed with Access-Control-Allow-Credentials: true, so any site could act as the user
        HttpResponse<String> res = RawHttp.send(HttpRequest.newBuilder(pollingUri(PATH, null))
                .timeout(RawHttp.REQUEST_TIMEOUT).header("Origin", "http://example.test:8080").GET().build());
        RawHttp.assertError(res, 403, 4, "Forbidden");
        assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").isPresent(), res.headers()::toString);
        assertFalse(res.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), res.headers()::toString);
    }

    @Test
    void theOwnOriginNeedsNoCorsHeaders() {
        HttpResponse<String> res = RawHttp.send(HttpRequest.newBuilder(pollingUri(PATH, null))
                .timeout(RawHttp.REQUEST_TIMEOUT).header("Origin", ownOrigin()).GET().build());
        assertEquals(200, res.statusCode(), res.body());
        assertOpenPacket(res.body(), "[\"websocket\"]");
        assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").isPresent(), res.headers()::toString);
    }

    @Test
    void withoutOriginNoCorsHeaders() {
        // was: Access-Control-Allow-Origin: *; a client without Origin is not a browser and needs none (as node)
        HttpResponse<String> res = get(pollingUri(PATH, null));
        assertEquals(200, res.statusCode(), res.body());
        assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").isPresent(), res.headers()::toString);
    }

    @Test
    void aForeignPreflightIsForbiddenWithoutCorsHeaders() {
        // was: answered 204 with the origin echoed and credentials allowed
        HttpResponse<String> res = RawHttp.send(HttpRequest.newBuilder(pollingUri(PATH, null))
                .timeout(RawHttp.REQUEST_TIMEOUT)
                .header("Origin", "http://example.test")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        RawHttp.assertError(res, 403, 4, "Forbidden");
        assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").isPresent(), res.headers()::toString);
        assertFalse(res.headers().firstValue("Access-Control-Allow-Methods").isPresent(), res.headers()::toString);
    }
}
