package dev.socketee.tck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIo;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.tck.app.EmbeddedJetty;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import dev.socketee.tck.servers.ServerUnderTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine options the README documents, on their own bare Engine.IO server (raw HTTP): allowed
 * CORS origins, restricted transports, and the outbound bound that closes a client that does not
 * read.
 */
class EngineOptionsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> CLOSE_REASONS = new CopyOnWriteArrayList<>();
    private static EmbeddedJetty server;

    @BeforeAll
    static void start() {
        // these option sets live in their own embedded server; the server profiles deploy only the two test WARs
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "runs on the embedded server only");
        server = EmbeddedJetty.start("127.0.0.1", 0, context -> EngineIo.serve(context, EngineIoOptions.builder()
                .path("/limited")
                .transports(Set.of(EngineIoOptions.POLLING))
                .allowedOrigins(List.of("https://good.example"))
                .maxBufferedBytes(1_000)
                .build(), new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onMessage(EngineConnection c, String text) {
                        c.send(text);
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                        CLOSE_REASONS.add(c.id() + " " + reason);
                    }
                }));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** {@code perMessageDeflate(true)} opens what is off by default: the client's offer is accepted. */
    @Test
    void perMessageDeflateCanBeTurnedOn() throws Exception {
        EmbeddedJetty compressing = EmbeddedJetty.start("127.0.0.1", 0, context -> EngineIo.serve(context, EngineIoOptions.builder()
                .path("/compressing").perMessageDeflate(true).build(), new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onMessage(EngineConnection c, String text) {
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                    }
                }));
        try {
            String extensions = dev.socketee.tck.DeflateOffer.negotiatedExtensions(compressing.baseUri(), "/compressing/");
            assertTrue(extensions != null && extensions.startsWith("permessage-deflate"), () -> "negotiated: " + extensions);
        } finally {
            compressing.close();
        }
    }

    private static HttpResponse<String> get(String query, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + "/limited/?" + query)).timeout(Duration.ofSeconds(5));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sid(String openPacket) {
        return openPacket.substring(openPacket.indexOf("\"sid\":\"") + 7, openPacket.indexOf("\",\"upgrades\""));
    }

    @Test
    void anOriginNotAllowedIsForbidden() throws Exception {
        HttpResponse<String> r = get("EIO=4&transport=polling", "https://evil.example");
        assertEquals(403, r.statusCode());
        assertEquals("{\"code\":4,\"message\":\"Forbidden\"}", r.body());
    }

    @Test
    void anAllowedOriginIsEchoedWithCredentials() throws Exception {
        HttpResponse<String> r = get("EIO=4&transport=polling", "https://good.example");
        assertEquals(200, r.statusCode());
        assertEquals("https://good.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", r.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        assertTrue(r.body().contains("\"upgrades\":[]"), "no upgrade offered when websocket is not allowed: " + r.body());
    }

    @Test
    void aTransportNotAllowedIsUnknown() throws Exception {
        HttpResponse<String> r = get("EIO=4&transport=websocket", null);
        assertEquals(400, r.statusCode());
        assertEquals("{\"code\":0,\"message\":\"Transport unknown\"}", r.body());
    }

    @Test
    void aClientThatDoesNotReadIsClosedWhenItsOutboundBufferIsFull() throws Exception {
        String sid = sid(get("EIO=4&transport=polling", null).body()); // the open packet is read by this GET
        // six echoes of 200 bytes for a client that never polls overflow the bound of 1000 bytes
        StringBuilder payload = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            payload.append(i > 1 ? "\u001e" : "").append("4m").append(i).append("x".repeat(198));
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/limited/?EIO=4&transport=polling&sid=" + sid))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(payload.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, post.statusCode());
        assertTrue(CLOSE_REASONS.contains(sid + " transport error"), CLOSE_REASONS::toString);
        HttpResponse<String> next = get("EIO=4&transport=polling&sid=" + sid, null);
        assertEquals(400, next.statusCode());
        assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", next.body());
    }

    @Test
    void aClientThatReadsIsNotAffectedByTheBound() throws Exception {
        String sid = sid(get("EIO=4&transport=polling", null).body());
        URI uri = URI.create(server.baseUri() + "/limited/?EIO=4&transport=polling&sid=" + sid);
        for (int round = 0; round < 3; round++) {
            HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("4a\u001e4b\u001e4c")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("4a\u001e4b\u001e4c", HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
