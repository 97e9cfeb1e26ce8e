package dev.socketee.tck.eio3;

import static dev.socketee.tck.RawHttp.engineUri;
import static dev.socketee.tck.RawHttp.get;
import static dev.socketee.tck.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Engine.IO v3 on the wire, as node's engine.io writes it with allowEIO3 (the server at
 * {@code /eio3/}): length-prefixed text payloads (lengths in UTF-16 code units), the open packet and
 * the implicit {@code 40} in the handshake's answer, the client's ping answered with a pong, binary
 * payloads as octet-stream for a binary client and base64 for {@code b64=1}. The v4-only server
 * ({@code /socket.io/}) still refuses {@code EIO=3}: EngineErrorsIT.
 */
class Eio3WireIT {

    private static final String PATH = "/eio3/";

    private static String handshake(String extra) {
        HttpResponse<String> res = get(engineUri(PATH, "EIO=3&transport=polling" + extra));
        assertEquals(200, res.statusCode(), res::body);
        String body = res.body();
        int colon = body.indexOf(':');
        int n = Integer.parseInt(body.substring(0, colon));
        String open = body.substring(colon + 1, colon + 1 + n);
        assertTrue(open.startsWith("0{\"sid\":"), body);
        assertTrue(open.contains("\"pingInterval\":300") && open.contains("\"upgrades\":[\"websocket\"]"), body);
        String sid = RawHttp.sidOf(open);
        String rest = body.substring(colon + 1 + n);
        while (!rest.contains("[\"hello\"")) { // the implicit CONNECT's reply, then the connect handler's hello
            rest += poll(sid, extra).body();
        }
        assertTrue(rest.startsWith("2:40"), () -> "the implicit connect to / answered without a payload: " + body);
        return sid;
    }

    private static URI uri(String sid, String extra) {
        return engineUri(PATH, "EIO=3&transport=polling&sid=" + sid + extra);
    }

    private static HttpResponse<String> poll(String sid, String extra) {
        return get(uri(sid, extra));
    }

    @Test
    void aClientPingGetsAPongAndMessagesAreLengthPrefixedInUtf16CodeUnits() {
        String sid = handshake("");
        assertEquals("ok", post(uri(sid, ""), "1:2").body());
        assertEquals("1:3", poll(sid, "").body(), "the pong of v3");
        // "message" answered with "message-back"; the emoji is 2 UTF-16 code units (4 UTF-8 bytes)
        String event = "42[\"message\",\"\ud83d\ude00\"]";
        assertEquals(18, event.length(), "the emoji is two UTF-16 code units");
        assertEquals("ok", post(uri(sid, ""), event.length() + ":" + event).body());
        String back = "42[\"message-back\",\"\ud83d\ude00\"]";
        assertEquals(back.length() + ":" + back, poll(sid, "").body());
    }

    @Test
    void aBinaryClientGetsAnOctetStreamPayloadAndMayPostOne() throws Exception {
        String sid = handshake("");
        // 451-["message",{"_placeholder":true,"num":0}] then the attachment, as one binary payload
        String text = "451-[\"message\",{\"_placeholder\":true,\"num\":0}]";
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(0);
        for (char c : Integer.toString(t.length).toCharArray()) {
            body.write(c - '0');
        }
        body.write(0xFF);
        body.write(t);
        body.write(new byte[] {1, 4, (byte) 0xFF, 4, 1, 2, 3});
        HttpResponse<String> ok = RawHttp.send(HttpRequest.newBuilder(uri(sid, "")).timeout(RawHttp.REQUEST_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertEquals("ok", ok.body());
        HttpResponse<byte[]> res = RawHttp.CLIENT.send(HttpRequest.newBuilder(uri(sid, "")).timeout(RawHttp.REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/octet-stream", res.headers().firstValue("Content-Type").orElse(""));
        byte[] b = res.body();
        String backText = "451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]";
        assertEquals(0, b[0], "a text packet first");
        assertArrayEquals(new byte[] {1, 4, (byte) 0xFF, 4, 1, 2, 3}, Arrays.copyOfRange(b, b.length - 7, b.length),
                "then the attachment: binary, 4 bytes, type 4, data");
        assertEquals(backText, new String(b, b.length - 7 - backText.length(), backText.length(), StandardCharsets.UTF_8));
    }

    @Test
    void aBase64ClientGetsBinaryAsBase64Text() {
        String sid = handshake("&b64=1");
        String text = "451-[\"message\",{\"_placeholder\":true,\"num\":0}]";
        assertEquals("ok", post(uri(sid, "&b64=1"), text.length() + ":" + text + "6:b4AQID").body());
        String backText = "451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]";
        HttpResponse<String> res = poll(sid, "&b64=1");
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(backText.length() + ":" + backText + "6:b4AQID", res.body());
    }

    @Test
    void aRequestWithoutEioIsV3HereAsInNode() {
        HttpResponse<String> res = get(engineUri(PATH, "transport=polling"));
        assertEquals(200, res.statusCode());
        assertTrue(res.body().matches("\\d+:0\\{.*"), res.body());
    }
}
