package dev.socketee.tck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.transport.EngineRegistration;
import dev.socketee.impl.engine.transport.WebSocketUpgrades;
import dev.socketee.tck.RawWs;
import dev.socketee.tck.TestServer;
import dev.socketee.tck.app.EmbeddedJetty;
import dev.socketee.tck.support.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The websocket implementation the embedded Jetty chose ({@code socketee.websocket-transport}:
 * Jetty's core by default, the Jakarta endpoint with {@code jakarta}, the embedded-jakarta
 * execution) and what either must do alike beyond the shared ITs: fragmented messages, a small
 * maxPayload.
 */
class JettyCoreTransportIT {

    private static EmbeddedJetty jetty;
    private static volatile EngineServer engine;

    @BeforeAll
    static void start() {
        Assumptions.assumeFalse(TestServer.isTyrus() || dev.socketee.tck.servers.ServerUnderTest.isExternal(), "embedded Jetty only");
        jetty = startEcho(made -> engine = made);
    }

    /** A Jetty of its own serving an Echo engine at /small, handed to {@code made}. */
    private static EmbeddedJetty startEcho(java.util.function.Consumer<EngineServer> made) {
        return EmbeddedJetty.start("127.0.0.1", 0, context -> {
            EngineServer server = new EngineServer(EngineIoOptions.builder().path("/small").maxPayload(1000)
                    .pingInterval(Duration.ofSeconds(25)).build(), new Echo());
            made.accept(server);
            EngineRegistration.register(context, server);
        });
    }

    @AfterAll
    static void stop() {
        if (jetty != null) {
            jetty.close();
        }
    }

    private static RawWs open() {
        return open(jetty);
    }

    private static RawWs open(EmbeddedJetty server) {
        RawWs ws = RawWs.connect(URI.create(server.baseUri().toString().replaceFirst("^http", "ws")
                + "/small/?EIO=4&transport=websocket"), Map.of());
        String open = ws.nextText();
        assertTrue(open.startsWith("0{\"sid\":\""), open);
        return ws;
    }

    @Test
    void theConfiguredImplementationServes() {
        Listening.reset();
        try (RawWs ws = open()) {
            String sid = Listening.awaitSid();
            String expected = WebSocketUpgrades.JAKARTA.equals(System.getProperty(WebSocketUpgrades.SETTING))
                    ? "WebSocketTransport" : "JettyCoreTransport";
            assertEquals(expected, engine.session(sid).currentTransport().getClass().getSimpleName());
        }
    }

    /**
     * {@code socketee.websocket-io-thread=true} (the embedded-io-thread execution): a message is handled
     * by the selector's own read callback, seen in the handler's stack; otherwise by a pool thread
     * Jetty handed the connection to (no such frame). The first message is not the one looked at: it may
     * already be there when the upgrade's own pool thread makes its first read (a clean-clone CI rehearsal
     * saw that once); from then on the endpoint's next read finds the socket drained and leaves every later
     * message to the selector.
     */
    @Test
    void messagesAreHandledOnTheThreadTheSettingSays() {
        boolean ioThread = Boolean.getBoolean(WebSocketUpgrades.IO_THREAD_SETTING)
                && !WebSocketUpgrades.JAKARTA.equals(System.getProperty(WebSocketUpgrades.SETTING));
        try (RawWs ws = open()) {
            ws.sendText("4first");
            assertEquals("4first", ws.nextText());
            ws.sendText("4where");
            assertEquals("4where", ws.nextText());
            assertEquals(ioThread, Echo.lastOnSelectorCallback, "handled in IoThreadEndPoint's read callback");
        }
    }

    /**
     * In io-thread mode a handler that blocks holds the selector: the server says so in its log
     * (SelectorStallWatch), with the duration and the setting. The handler's sleep is what is
     * tested; the test itself waits for the log line. On a server of its own: the watch writes one line
     * a minute per server, and another long read on the shared server (a GC pause) could have used it.
     * (A clean-clone rehearsal once had no line: its blocking message had been the first, read off the
     * selector.)
     */
    @Test
    void aHandlerThatBlocksTheSelectorIsLogged() throws InterruptedException {
        Assumptions.assumeTrue(Boolean.getBoolean(WebSocketUpgrades.IO_THREAD_SETTING)
                && !WebSocketUpgrades.JAKARTA.equals(System.getProperty(WebSocketUpgrades.SETTING)), "io-thread mode only");
        try (LogCapture log = LogCapture.of(Logger.getLogger("dev.socketee.impl.engine.transport.jettycore.SelectorStallWatch"));
             EmbeddedJetty own = startEcho(made -> { });
             RawWs ws = open(own)) {
            // not as the first message, which the upgrade's pool thread may read (see the test above)
            ws.sendText("4first");
            assertEquals("4first", ws.nextText());
            ws.sendText("4block");
            assertEquals("4block", ws.nextText());
            LogRecord line = log.await(Level.WARNING, "socketee.websocket-io-thread", Duration.ofSeconds(10));
            assertTrue(line.getMessage().contains("ms on Jetty's selector thread"), line.getMessage());
        }
    }

    @Test
    void fragmentedMessageIsOneMessage() throws Exception {
        try (RawWs ws = open()) {
            ws.ws.sendText("4hé", false).get(5, TimeUnit.SECONDS);
            ws.ws.sendText("llo", false).get(5, TimeUnit.SECONDS);
            ws.ws.sendText(" €", true).get(5, TimeUnit.SECONDS);
            ws.expectText("4héllo €");
        }
    }

    @Test
    void messageOverMaxPayloadClosesWith1009() {
        try (RawWs ws = open()) {
            ws.sendText("4" + "x".repeat(2000));
            RawWs.Frame f = ws.awaitClose(Duration.ofSeconds(5), true);
            assertEquals(1009, f.closeCode(), () -> "close frame, got " + ws.log);
        }
    }

    @Test
    void fragmentsOverMaxPayloadCloseWith1009() throws Exception {
        try (RawWs ws = open()) {
            ws.ws.sendText("4" + "x".repeat(600), false).get(5, TimeUnit.SECONDS);
            ws.ws.sendText("x".repeat(600), true).get(5, TimeUnit.SECONDS);
            RawWs.Frame f = ws.awaitClose(Duration.ofSeconds(5), true);
            assertEquals(1009, f.closeCode(), () -> "close frame, got " + ws.log);
        }
    }

    /** The sid of the connection the engine opened last. */
    private static final class Listening {
        private static final java.util.concurrent.BlockingQueue<String> SIDS = new java.util.concurrent.LinkedBlockingQueue<>();

        static void reset() {
            SIDS.clear();
        }

        static String awaitSid() {
            try {
                String sid = SIDS.poll(5, TimeUnit.SECONDS);
                assertTrue(sid != null, "no connection opened");
                return sid;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static final class Echo implements EngineIoListener {
        @Override
        public void onOpen(EngineConnection connection) {
            Listening.SIDS.add(connection.id());
        }

        /** Whether the last message's handling ran inside Socketee's non-blocking read callback. */
        static volatile boolean lastOnSelectorCallback;

        @Override
        public void onMessage(EngineConnection connection, String text) {
            lastOnSelectorCallback = java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                    .anyMatch(f -> f.getClassName().endsWith("IoThreadEndPoint$NonBlockingRead"));
            if (text.equals("block")) {
                blockLikeAJdbcCall();
            }
            connection.send(text);
        }

        /** What a handler that must not run on the selector does: 150 ms, over SelectorStallWatch's 100. */
        private static void blockLikeAJdbcCall() {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onBinary(EngineConnection connection, byte[] data) {
            connection.send(data);
        }
    }
}
