package dev.socketee.tck.eio3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socketee.tck.TestServer;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * io.socket:socket.io-client 1.0.2 (Engine.IO v3; the Android client) against the allowEio3 server
 * at {@code /eio3}: {@link V1ClientMain} in a forked JVM with the 1.0.2 jars (copied to
 * {@code target/io-socket-1.0.2} by the build) runs websocket-only, polling-only and with the
 * upgrade (events, binary, acks both ways, a namespace with its query as auth, a refusal, the
 * server's disconnect), then shares a room with this JVM's io.socket 2.1.2 client (EIO=4): each
 * one's broadcast from the server's handler reaches the other.
 */
class Eio3JavaClientIT {

    private static final long WAIT_SECONDS = 60;

    @Test
    void ioSocket102OnEveryTransportAndInARoomWithA2xClient() throws Exception {
        URI base = TestServer.baseUri();
        String origin = base.getScheme() + "://" + base.getAuthority();
        String path = (base.getPath() == null ? "" : base.getPath()) + "/eio3";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), V1ClientMain.class.getName(), origin, path).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "v1-client-output");
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, "PASS", output);
            awaitLine(lines, "READY", output);
            roomWithV4Client(origin, path);
            try (OutputStream in = p.getOutputStream()) {
                in.write('\n');
            }
            assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), () -> "the 1.0.2 client did not exit: " + output);
            reader.join(5000);
            assertEquals(0, p.exitValue(), () -> "1.0.2 client output: " + output);
            assertTrue(output.contains("DONE"), output::toString);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void roomWithV4Client(String origin, String path) throws Exception {
        Socket v4 = IO.socket(URI.create(origin), IO.Options.builder().setPath(path).setForceNew(true).setReconnection(false)
                .setTransports(new String[] {"websocket"}).build());
        BlockingQueue<Object[]> messages = new LinkedBlockingQueue<>();
        BlockingQueue<Object[]> joined = new LinkedBlockingQueue<>();
        v4.on("room-message", messages::add);
        v4.on(Socket.EVENT_CONNECT, a -> v4.emit("join", new Object[] {"java-mixed"}, (Ack) joined::add));
        v4.connect();
        try {
            assertTrue(joined.poll(10, TimeUnit.SECONDS) != null, "the 2.x client joined");
            v4.emit("to-room", "java-mixed", "from-v4", new byte[] {4, 4});
            Object[] own = messages.poll(10, TimeUnit.SECONDS);
            assertTrue(own != null && "from-v4".equals(own[0]), () -> "own broadcast: " + Arrays.deepToString(own));
            Object[] fromV1 = messages.poll(10, TimeUnit.SECONDS);
            assertTrue(fromV1 != null && "from-v1".equals(fromV1[0]) && Arrays.equals(new byte[] {1}, (byte[]) fromV1[1]),
                    () -> "the 1.0.2 client's broadcast: " + Arrays.deepToString(fromV1));
        } finally {
            v4.close();
        }
    }

    private static void awaitLine(BlockingQueue<String> lines, String want, List<String> output) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (want.equals(line)) {
                return;
            }
            if (line != null && line.startsWith("FAIL")) {
                fail("the 1.0.2 client failed: " + String.join("\n", output));
            }
        }
        fail("no " + want + " from the 1.0.2 client within " + WAIT_SECONDS + " s: " + output);
    }

    /** The 1.0.2 jars and this module's test classes (V1ClientMain), without the 2.x client. */
    private static String classPath() throws IOException {
        Path jars = Path.of(System.getProperty("socketee.iosocket1.dir", "target/io-socket-1.0.2"));
        assertTrue(Files.isDirectory(jars), () -> "io.socket 1.0.2 jars not copied to " + jars.toAbsolutePath() + " (run through mvn verify)");
        try (Stream<Path> s = Files.list(jars)) {
            String cp = s.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            Path classes = Path.of(V1ClientMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
            return cp + java.io.File.pathSeparator + classes;
        }
    }
}
