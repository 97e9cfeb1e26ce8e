package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A bare Engine.IO/Socket.IO connection to the CDI app over java.net.http's WebSocket, for tests
 * that need to send faster or stranger than a real client: it answers pings, records every text
 * frame, and hands each to an optional listener.
 */
final class CdiRawSocket implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<String> received = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final Consumer<String> listener;
    private WebSocket ws;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private CdiRawSocket(Consumer<String> listener) {
        this.listener = listener;
    }

    /** Opens the connection (no namespace yet): waits for the Engine.IO open packet. */
    static CdiRawSocket open(Consumer<String> listener) throws Exception {
        CdiRawSocket s = new CdiRawSocket(listener);
        URI uri = URI.create(CdiTestServer.origin().replaceFirst("^http", "ws") + CdiTestServer.socketIoPath()
                + "/?EIO=4&transport=websocket");
        s.ws = HTTP.newWebSocketBuilder().buildAsync(uri, s).get(5, TimeUnit.SECONDS);
        s.await(m -> m.startsWith("0{"));
        return s;
    }

    static CdiRawSocket open() throws Exception {
        return open(m -> { });
    }

    void send(String text) throws Exception {
        sendChained(text).get(5, TimeUnit.SECONDS);
    }

    /** java.net.http allows one send at a time: each waits for the one before (a pong from the listener included). */
    private synchronized CompletableFuture<?> sendChained(String text) {
        lastSend = lastSend.thenCompose(x -> ws.sendText(text, true));
        return lastSend;
    }

    /** The first frame received so far or within 5 s that matches. */
    String await(Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        synchronized (received) {
            while (true) {
                for (String m : received) {
                    if (match.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("no matching frame within 5 s; last frames: "
                            + received.subList(Math.max(0, received.size() - 10), received.size()));
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    String awaitPrefix(String prefix) throws InterruptedException {
        return await(m -> m.startsWith(prefix));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String m = partial.toString();
            partial.setLength(0);
            if (m.equals("2")) {
                sendChained("3"); // not awaited: the listener must not block
            }
            listener.accept(m);
            synchronized (received) {
                received.add(m);
                received.notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        ws.abort();
    }
}
