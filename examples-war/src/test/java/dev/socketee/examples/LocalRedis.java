package dev.socketee.examples;

import dev.socketee.tck.support.FreePorts;
import dev.socketee.tck.servers.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's redis-server on a free loopback port, in memory only (nothing saved), for the cluster
 * page tests; ready once it answers PING, stopped (SIGTERM to its PID) by {@link #stop}.
 */
final class LocalRedis {
    static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

    private final ServerProcess process;
    private final int port;

    private LocalRedis(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static LocalRedis start(Path workDir, Path log, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port = FreePorts.any();
        ServerProcess p = ServerProcess.start("redis-server", List.of(EXECUTABLE.toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workDir.toAbsolutePath().toString()),
                workDir, Map.of(), log.toAbsolutePath());
        LocalRedis redis = new LocalRedis(p, port);
        redis.awaitPong(timeout);
        return redis;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    Duration stop() {
        return process.stop(Duration.ofSeconds(10));
    }

    private void awaitPong(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process + " exited while starting; see its log");
            }
            if (answersPing()) {
                return;
            }
            Thread.sleep(20); // until it listens: redis starts in about 50 ms
        }
        throw new IllegalStateException(process + " did not answer PING within " + timeout);
    }

    private boolean answersPing() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(2000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] pong = in.readNBytes(7);
            return new String(pong, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return process + " at " + uri();
    }
}
