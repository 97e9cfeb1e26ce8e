package dev.socketee.se;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SocketeeSe as a user's main starts it: Weld SE discovery, Tyrus on 127.0.0.1, a raw websocket client. */
class SocketeeSeTest {

    private static SocketeeSe se;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        se = SocketeeSe.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (se != null) {
            se.close();
        }
    }

    @Test
    void aHandlerBeanAnswersOverAWebSocketOnlyConnection() throws Exception {
        BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        URI uri = URI.create("ws://127.0.0.1:" + se.port() + se.path() + "/?EIO=4&transport=websocket");
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    texts.add(text.toString());
                    text.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        try {
            String open = texts.poll(5, TimeUnit.SECONDS);
            assertTrue(open != null && open.startsWith("0{\"sid\":"), "Engine.IO open over the websocket: " + open);
            ws.sendText("40", true).get(5, TimeUnit.SECONDS);
            String connect = texts.poll(5, TimeUnit.SECONDS);
            assertTrue(connect != null && connect.startsWith("40{\"sid\":"), "Socket.IO connect: " + connect);
            ws.sendText("421[\"echo\",\"hi\"]", true).get(5, TimeUnit.SECONDS);
            assertEquals("431[\"echo:hi\"]", texts.poll(5, TimeUnit.SECONDS), "the handler's return value is the ack");
        } finally {
            ws.abort();
        }
    }

    @Test
    void thereIsNoPolling() throws Exception {
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(
                URI.create(se.uri() + se.path() + "/?EIO=4&transport=polling")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, res.statusCode(), res::body);
    }
}
