package dev.socketee.tck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIo;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.engine.EngineIoServer;
import dev.socketee.tck.app.EmbeddedJetty;
import dev.socketee.tck.servers.ServerUnderTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What an idle long-polling client costs the server: a session and a keep-alive connection with
 * a parked GET. It was 110 KB on the embedded Jetty, 98 KB of it Jetty's per-connection header
 * field cache; without it about 8 KB (a websocket: ~16 KB). Heap after full GCs, measured in this
 * JVM, so on the embedded server only.
 */
class PollingMemoryIT {

    private static final int SESSIONS = 400;
    private static final long MAX_BYTES_PER_SESSION = 40_000;
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");
    private static final Pattern LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    @Test
    void anIdlePollingSessionCostsLittleHeap() throws Exception {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "measures the heap of the server in this JVM");
        AtomicReference<EngineIoServer> engine = new AtomicReference<>();
        List<Socket> clients = new ArrayList<>();
        try (EmbeddedJetty server = EmbeddedJetty.start("127.0.0.1", 0, context -> engine.set(EngineIo.serve(context,
                EngineIoOptions.builder().path("/idle").build(), connection -> { })))) { // default pings: 25 s / 20 s
            String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
            park(server.port(), host, clients, 20); // warm up the server's paths before the baseline
            long before = heapAfterGc();
            park(server.port(), host, clients, SESSIONS);
            long after = heapAfterGc();
            assertEquals(SESSIONS + 20, engine.get().connectionCount(), "every session still open, its GET parked");
            long perSession = (after - before) / SESSIONS;
            assertTrue(perSession < MAX_BYTES_PER_SESSION, () -> "an idle polling session costs " + perSession + " B of heap");
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    /** n handshakes, each followed by a GET on the same keep-alive connection, left parked. */
    private static void park(int port, String host, List<Socket> clients, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Socket s = new Socket("127.0.0.1", port);
            clients.add(s);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET /idle/?EIO=4&transport=polling HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
            Matcher sid = SID.matcher(readResponse(s.getInputStream()));
            assertTrue(sid.find(), "handshake");
            s.getOutputStream().write(("GET /idle/?EIO=4&transport=polling&sid=" + sid.group(1) + " HTTP/1.1\r\n" + host + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Matcher length = LENGTH.matcher(head.toString(StandardCharsets.ISO_8859_1));
        assertTrue(length.find(), () -> "no Content-Length in " + head);
        return new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) { // until it stops shrinking (a few full GCs)
            System.gc();
            long now = rt.totalMemory() - rt.freeMemory();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return used;
    }
}
