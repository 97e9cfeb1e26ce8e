package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import dev.socketee.tck.RawHttp;
import dev.socketee.tck.RawWs;
import io.socket.client.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CDI feature app's {@code ConnectionAdmission} beans ({@link QueryAdmission} at priority 10,
 * {@link HeaderAdmission} at 20) refuse handshakes before any session exists, on both transports,
 * with their own status and message; the requests of an open session are not asked.
 */
class CdiAdmissionIT {

    private static URI polling(String query) {
        return URI.create(CdiTestServer.baseUrl() + "/socket.io/?EIO=4&transport=polling" + query);
    }

    private static URI websocket(String query) {
        return URI.create(CdiTestServer.baseUrl().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket" + query);
    }

    private static HttpResponse<String> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(RawHttp.REQUEST_TIMEOUT);
        headers.forEach(b::header);
        return RawHttp.send(b.build());
    }

    /** The app sets the sid cookie "io" when a polling session opens: none means none was opened. */
    private static void assertNoSession(HttpResponse<String> res) {
        List<String> cookies = res.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().noneMatch(c -> c.startsWith("io=")), () -> "a session was opened: " + cookies);
        assertFalse(res.body().contains("\"sid\""), res::body);
    }

    @Test
    void aPollingHandshakeIsRefusedWithTheBeansStatusAndMessage() {
        HttpResponse<String> res = get(polling("&admission=429"), Map.of());
        RawHttp.assertError(res, 429, 4, "refused with 429");
        assertNoSession(res);
        HttpResponse<String> forbidden = get(polling("&admission=no"), Map.of());
        RawHttp.assertError(forbidden, 403, 4, "refused by query");
        assertNoSession(forbidden);
    }

    @Test
    void aWebSocketHandshakeIsRefusedBeforeTheUpgrade() {
        assertEquals(429, RawWs.refusedHandshakeStatus(websocket("&admission=429"), Map.of()));
        assertEquals(401, RawWs.refusedHandshakeStatus(websocket(""), Map.of("X-Admission", "deny")));
    }

    @Test
    void allBeansMustAdmitAndTheFirstByPriorityAnswers() {
        RawHttp.assertError(get(polling(""), Map.of("X-Admission", "deny")), 401, 4, "denied by header");
        RawHttp.assertError(get(polling("&admission=503"), Map.of("X-Admission", "deny")), 503, 4, "refused with 503");
        HttpResponse<String> admitted = get(polling(""), Map.of("X-Admission", "allow"));
        assertEquals(200, admitted.statusCode(), admitted::body);
        assertTrue(admitted.body().startsWith("0{"), admitted::body);
    }

    @Test
    void theRequestsOfAnOpenSessionAreNotAsked() {
        String sid = RawHttp.sidOf(get(polling(""), Map.of()).body());
        HttpResponse<String> post = RawHttp.send(HttpRequest.newBuilder(polling("&sid=" + sid + "&admission=429"))
                .timeout(RawHttp.REQUEST_TIMEOUT).header("X-Admission", "deny")
                .POST(HttpRequest.BodyPublishers.ofString("40")).build());
        assertEquals("200 ok", post.statusCode() + " " + post.body());
        try (RawWs ws = RawWs.connect(websocket("&sid=" + sid + "&admission=429"), Map.of("X-Admission", "deny"))) {
            ws.sendText("2probe");
            ws.expectText("3probe");
        }
    }

    @Test
    void theJavaClientGetsAConnectErrorOnBothTransports() {
        for (String[] transports : List.of(JavaClient.POLLING, JavaClient.WEBSOCKET)) {
            io.socket.client.IO.Options options = JavaClient.options(transports, null);
            options.path = CdiTestServer.socketIoPath();
            options.query = "admission=429";
            try (JavaClient c = new JavaClient(io.socket.client.IO.socket(URI.create(CdiTestServer.origin() + "/"), options))) {
                c.socket.connect();
                Object[] err = c.await(Socket.EVENT_CONNECT_ERROR);
                assertFalse(c.socket.connected(), () -> transports[0] + ": " + List.of(err));
            }
        }
    }
}
