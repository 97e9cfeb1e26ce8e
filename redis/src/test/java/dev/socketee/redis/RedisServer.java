package dev.socketee.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server for the tests: a free loopback port, no persistence, started in tens of
 * milliseconds, stopped by its PID. {@link #shared()} is one server for the whole test JVM;
 * tests that stop and restart Redis make their own.
 */
final class RedisServer implements AutoCloseable {

    static final String BINARY = System.getProperty("redis.server", "/usr/bin/redis-server");
    private static RedisServer shared;

    final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("socketee-redis-test");
    }

    /** Skips the calling test when there is no redis-server. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(new File(BINARY).canExecute(), "no redis-server at " + BINARY + " (set -Dredis.server=...)");
    }

    static synchronized RedisServer shared() {
        assumeInstalled();
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            RedisServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    static RedisServer start() throws IOException {
        assumeInstalled();
        RedisServer s = new RedisServer(freePort());
        s.startProcess();
        return s;
    }

    /** A server with more settings (TLS, a password: PING then answers NOAUTH, which is ready too). */
    static RedisServer start(List<String> extraArgs) throws IOException {
        assumeInstalled();
        RedisServer s = new RedisServer(freePort());
        s.extraArgs = List.copyOf(extraArgs);
        s.startProcess();
        return s;
    }

    private List<String> extraArgs = List.of();

    static int freeLoopbackPort() throws IOException {
        return freePort();
    }

    Path dir() {
        return dir;
    }

    /** A server on a port chosen before (one a client already tries). */
    static RedisServer startOn(int port) throws IOException {
        assumeInstalled();
        RedisServer s = new RedisServer(port);
        s.startProcess();
        return s;
    }

    /** A Sentinel (redis-server --sentinel) watching {@code master} as "mymaster". */
    static RedisServer startSentinel(RedisServer master) throws IOException {
        assumeInstalled();
        RedisServer s = new RedisServer(freePort());
        Path conf = s.dir.resolve("sentinel.conf"); // Sentinel rewrites its file: it must be its own
        Files.writeString(conf, "port " + s.port + "\nbind 127.0.0.1\nprotected-mode no\ndir " + s.dir
                + "\nsentinel monitor mymaster 127.0.0.1 " + master.port + " 1\n");
        s.sentinelConf = conf;
        s.startProcess();
        return s;
    }

    private Path sentinelConf;

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts (again, on the same port) and waits until it answers PING. */
    synchronized void startProcess() throws IOException {
        List<String> command = sentinelConf != null
                ? List.of(BINARY, sentinelConf.toString(), "--sentinel")
                : java.util.stream.Stream.concat(List.of(BINARY, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "no").stream(),
                        extraArgs.stream()).toList();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("redis-server did not answer PING in 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // polling a port that is not open yet
        }
    }

    /** Stops it by its PID and waits for the process to end. */
    synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy); // SIGTERM
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return "+PONG".equals(line) || line != null && line.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    /** One command in RESP, its first reply line (tests only: PUBSUB NUMSUB and the like). */
    List<String> command(String... args) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(2000);
            StringBuilder req = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                req.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
            }
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String first = in.readLine();
            if (!first.startsWith("*")) {
                return List.of(first);
            }
            int n = Integer.parseInt(first.substring(1));
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String line = in.readLine();
                out.add(line.startsWith("$") ? in.readLine() : line.substring(1));
            }
            return out;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stopProcess();
    }
}
