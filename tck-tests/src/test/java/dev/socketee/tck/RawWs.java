package dev.socketee.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket (java.net.http) that queues every received frame, for wire-level assertions. */
public final class RawWs implements AutoCloseable {
    /** A received message: text, binary, or the close (code), or the error. */
    public record Frame(String text, byte[] binary, int closeCode, Throwable error, long nanos) {
        public boolean isText() { return text != null; }
        public boolean isBinary() { return binary != null; }
        public boolean isClose() { return closeCode >= 0; }
        public boolean isError() { return error != null; }

        @Override
        public String toString() {
            if (isText()) return "text(" + RawHttp.show(text) + ")";
            if (isBinary()) return "binary(" + Arrays.toString(binary) + ")";
            if (isClose()) return "close(" + closeCode + ")";
            return "error(" + error + ")";
        }
    }

    public static final Duration WAIT = Duration.ofSeconds(5);

    public final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    /** Everything received, in order, for failure messages. */
    public final List<Frame> log = java.util.Collections.synchronizedList(new ArrayList<>());
    public final WebSocket ws;

    private RawWs(WebSocket ws) { this.ws = ws; }

    public static RawWs connect(String path, String query) {
        return connect(URI.create(TestServer.wsBaseUrl() + path + "?" + query), java.util.Map.of());
    }

    /** Connects to {@code uri} with extra handshake headers (e.g. Origin, Cookie). */
    public static RawWs connect(URI uri, java.util.Map<String, String> headers) {
        Listener l = new Listener();
        try {
            WebSocket.Builder b = RawHttp.CLIENT.newWebSocketBuilder().connectTimeout(WAIT);
            headers.forEach(b::header);
            WebSocket ws = b.buildAsync(uri, l).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            RawWs r = new RawWs(ws);
            l.owner.complete(r);
            return r;
        } catch (Exception e) {
            throw new AssertionError("WebSocket connect to " + uri + " failed: " + e, e);
        }
    }

    /** Asserts the server refuses the WebSocket handshake to {@code uri}; returns its HTTP status. */
    public static int refusedHandshakeStatus(URI uri, java.util.Map<String, String> headers) {
        WebSocket.Builder b = RawHttp.CLIENT.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(b::header);
        try {
            WebSocket ws = b.buildAsync(uri, new WebSocket.Listener() { }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            ws.abort();
            throw new AssertionError("WebSocket handshake to " + uri + " with " + headers + " was accepted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new AssertionError("WebSocket handshake to " + uri + " failed without an HTTP answer: " + e.getCause(), e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("WebSocket handshake to " + uri + ": " + e, e);
        }
    }

    /** {@code /engine.io/?EIO=4&transport=websocket[&sid=..]}. */
    public static RawWs engine(String path, String sid) {
        return connect(path, "EIO=4&transport=websocket" + (sid == null ? "" : "&sid=" + sid));
    }

    public RawWs sendText(String s) {
        join(ws.sendText(s, true));
        return this;
    }

    public RawWs sendBinary(byte[] b) {
        join(ws.sendBinary(ByteBuffer.wrap(b), true));
        return this;
    }

    private static void join(CompletableFuture<?> f) {
        try {
            f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("WebSocket send failed: " + e, e);
        }
    }

    /** Next frame, or fails after the timeout. */
    public Frame next(Duration timeout) {
        try {
            Frame f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) fail("no WebSocket frame within " + timeout + "; received so far: " + log);
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Frame next() { return next(WAIT); }

    /** Next frame that is not a ping "2" (answering each such ping with "3"). */
    public Frame nextSkippingPings() {
        while (true) {
            Frame f = next();
            if (f.isText() && f.text().equals("2")) {
                sendText("3");
                continue;
            }
            return f;
        }
    }

    public String nextText() {
        Frame f = next();
        assertNotNull(f.text(), () -> "expected a text frame, got " + f + "; log: " + log);
        return f.text();
    }

    public void expectText(String expected) {
        Frame f = nextSkippingPings();
        assertEquals("text(" + RawHttp.show(expected) + ")", f.toString(), () -> "frames so far: " + log);
    }

    /** Waits for the close (or the abrupt end) of the connection, answering pings meanwhile if asked. */
    public Frame awaitClose(Duration timeout, boolean answerPings) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) fail("connection not closed within " + timeout + "; frames: " + log);
            Frame f;
            try {
                f = frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (f == null) continue;
            if (f.isClose() || f.isError()) return f;
            if (answerPings && f.isText() && f.text().equals("2")) sendText("3");
        }
    }

    @Override
    public void close() {
        try {
            if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
        } catch (Exception ignored) {
            // already gone
        }
        ws.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<RawWs> owner = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream bin = new ByteArrayOutputStream();
        private final BlockingQueue<Frame> early = new LinkedBlockingQueue<>();

        private void emit(Frame f) {
            // frames may arrive before buildAsync() completes: deliver them in order once the owner exists
            early.add(f);
            owner.thenAccept(o -> {
                synchronized (this) {
                    Frame x;
                    while ((x = early.poll()) != null) {
                        o.log.add(x);
                        o.frames.add(x);
                    }
                }
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                emit(new Frame(text.toString(), null, -1, null, System.nanoTime()));
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            bin.writeBytes(b);
            if (last) {
                emit(new Frame(null, bin.toByteArray(), -1, null, System.nanoTime()));
                bin.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            emit(new Frame(null, null, statusCode, null, System.nanoTime()));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            emit(new Frame(null, null, -1, error, System.nanoTime()));
        }
    }
}
