package dev.socketee.tck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIo;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.HandshakeAdmission;
import dev.socketee.impl.engine.transport.WebSocketOnlyRegistration;
import dev.socketee.se.TyrusServer;
import dev.socketee.tck.RawFrames;
import dev.socketee.tck.TestServer;
import dev.socketee.tck.app.EmbeddedJetty;
import dev.socketee.tck.servers.ServerUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A websocket client that stops reading while the server pushes: the session is closed when its
 * outbound bound is reached, and its TCP connection is torn down by the server within
 * closeTimeout, although the close frame can never be written (it waits behind writes the peer
 * never reads). Before, such connections stayed open with their fds and kernel buffers forever.
 * Own embedded server (a short closeTimeout and a small bound; Jetty, or Tyrus in the tyrus
 * execution), raw socket with a small receive buffer.
 */
class SlowReaderIT {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    private static final int CHUNK = 64 * 1024;
    private static final CompletableFuture<String> CLOSED = new CompletableFuture<>();
    private static SlowServer server;

    /** The embedded Jetty, or with {@code -Dsocketee.websocket=tyrus} Tyrus standalone (websocket-only). */
    private interface SlowServer extends AutoCloseable {
        int port();

        int openConnections();

        @Override
        void close();
    }

    @BeforeAll
    static void start() {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "runs on the embedded server only");
        EngineIoOptions options = EngineIoOptions.builder()
                .path("/slow")
                .transports(Set.of(EngineIoOptions.WEBSOCKET))
                .pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5))
                .maxBufferedBytes(512 * 1024)
                .closeTimeout(CLOSE_TIMEOUT)
                .build();
        server = TestServer.isTyrus() ? onTyrus(options) : onJetty(options);
    }

    private static SlowServer onJetty(EngineIoOptions options) {
        EmbeddedJetty jetty = EmbeddedJetty.start("127.0.0.1", 0, context -> EngineIo.serve(context, options, new Flood()));
        return new SlowServer() {
            public int port() {
                return jetty.port();
            }

            public int openConnections() {
                return jetty.openConnections();
            }

            public void close() {
                jetty.close();
            }
        };
    }

    private static SlowServer onTyrus(EngineIoOptions options) {
        EngineServer engine = new EngineServer(options, new Flood());
        TyrusServer tyrus = TyrusServer.start("127.0.0.1", 0, CLOSE_TIMEOUT, // Tyrus: the close deadline is the se module's
                container -> WebSocketOnlyRegistration.register(container, engine, HandshakeAdmission.ADMIT_ALL));
        return new SlowServer() {
            public int port() {
                return tyrus.port();
            }

            public int openConnections() {
                return tyrus.openConnections();
            }

            public void close() {
                engine.close();
                tyrus.close();
            }
        };
    }

    /** Pushes 64 KiB chunks at every message until the connection closes. */
    private static final class Flood implements EngineIoListener {
        @Override
        public void onOpen(EngineConnection c) {
        }

        @Override
        public void onMessage(EngineConnection c, String text) {
            String chunk = "x".repeat(CHUNK);
            for (int i = 0; i < 4_000 && c.isOpen(); i++) { // bounded: at most 256 MB offered
                c.send(chunk);
            }
        }

        @Override
        public void onClose(EngineConnection c, String reason) {
            CLOSED.complete(reason);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientThatStopsReadingLosesItsConnectionWithinTheCloseTimeout() throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /slow/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = RawFrames.readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            out.write(RawFrames.maskedText("4flood"));
            out.flush();
            // from here on the client reads nothing: the server fills the kernel buffers, then its bound
            assertEquals("transport error", CLOSED.get(30, TimeUnit.SECONDS), "the slow client is closed");
            long closedAt = System.nanoTime();
            long deadline = closedAt + CLOSE_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
            while (server.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling a condition with a deadline
            }
            long tornDownMs = (System.nanoTime() - closedAt) / 1_000_000;
            assertEquals(0, server.openConnections(), "the server still holds the connection " + tornDownMs + " ms after the close");
            // the container counts the deadline from the last write that made progress, just before the close
            assertTrue(tornDownMs >= CLOSE_TIMEOUT.toMillis() / 2, "torn down by the deadline, not at once: " + tornDownMs + " ms");
            // the client sees the end of the stream (EOF or reset) once it drains what was in flight
            assertTrue(drainsToEnd(in), "the connection is closed on the client's side too");
        }
    }

    private static boolean drainsToEnd(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try {
            while (System.nanoTime() < deadline) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: the server aborted with data unsent
        }
    }


}
