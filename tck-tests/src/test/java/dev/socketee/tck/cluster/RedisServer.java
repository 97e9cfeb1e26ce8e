package dev.socketee.tck.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} (the Debian package; from PATH or /usr/bin) for the cluster tests, on a
 * free loopback port, with no persistence ({@code --save "" --appendonly no}) and its own temporary
 * directory. It is up once it logged that it accepts connections and answered a PING ({@link #startNew()},
 * {@link #start()} return only then); a test on a machine without redis-server is skipped (JUnit
 * assumption), not failed.
 *
 * <pre>{@code
 * RedisServer redis = RedisServer.shared();    // one per test JVM, stopped when the JVM exits
 * String uri = redis.uri();                    // redis://127.0.0.1:<port>
 *
 * try (RedisServer own = RedisServer.startNew()) {  // for a test that stops or restarts Redis
 *     own.stop();  ...  own.start();                 // down, then up again on the same port
 *     own.restart();                                 // or both at once; own.kill() for a crash
 * }
 * }</pre>
 *
 * Do not stop or restart {@link #shared()}: other test classes use it. Give each test class its own
 * key prefix on the shared server, so their nodes never hear each other.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_LINES = 200;
    private static RedisServer shared;

    private final String executable;
    private final Path dir;
    private int port;
    private Process process;
    private final Deque<String> log = new ArrayDeque<>();

    private RedisServer(String executable, Path dir) {
        this.executable = executable;
        this.dir = dir;
    }

    /** The server this JVM's tests share; started on first use, stopped when the JVM exits. */
    public static synchronized RedisServer shared() {
        if (shared == null) {
            RedisServer server = startNew();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "redis-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** A new server of the caller's, on a free port: close it when done. */
    public static RedisServer startNew() {
        String executable = executable();
        Assumptions.assumeTrue(executable != null,
                "redis-server not found on PATH or in /usr/bin: install the Debian package redis-server (.ci/run does)");
        Path dir;
        try {
            dir = Files.createTempDirectory("socketee-redis-");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        RedisServer server = new RedisServer(executable, dir);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken between probe and bind
            server.port = freePort();
            try {
                server.start();
                return server;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        server.close();
        throw last;
    }

    /** {@code redis://127.0.0.1:<port>} */
    /** The server's major version, from {@code INFO server} (sharded Pub/Sub needs 7). */
    public int majorVersion() {
        String info = String.valueOf(command("INFO", "server"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("redis_version:(\\d+)\\.").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no redis_version in INFO: " + info);
        }
        return Integer.parseInt(m.group(1));
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts it (again) on its port; returns once it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = List.of(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no", "--logfile", "");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Process started = process;
        Thread reader = new Thread(() -> readLog(started.getInputStream(), ready), "redis-server-" + port + "-log");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean logged = ready.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!logged || !started.isAlive()) {
                stop();
                throw new IllegalStateException("redis-server on port " + port + " did not start within " + READY_TIMEOUT
                        + "; its log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Object pong;
        try {
            pong = command("PING");
        } catch (IllegalStateException e) {
            stop();
            throw e;
        }
        if (!"PONG".equals(pong)) {
            stop();
            throw new IllegalStateException("redis-server on port " + port + " answered PING with " + pong);
        }
    }

    /** Stops it by its PID (SIGTERM, then SIGKILL after 5 s); the port stays this server's. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                handle.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills it by its PID (SIGKILL): a crash, no shutdown work. */
    public synchronized void kill() {
        if (process != null) {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Stops it and starts it again on the same port: every client connection is cut. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops it and removes its directory. */
    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /** The last lines redis-server logged. */
    public String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /**
     * One command on a new connection, e.g. {@code command("PUBSUB", "NUMSUB", channel)}: the reply as
     * a String (simple or bulk string, null for a null bulk), Long (integer) or List (array); an error
     * reply fails.
     */
    public Object command(String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("redis-server on port " + port + ": " + String.join(" ", args) + ": " + e, e);
        }
    }

    private static Object reply(InputStream in) throws IOException {
        String line = line(in);
        String rest = line.substring(1);
        switch (line.charAt(0)) {
            case '+':
                return rest;
            case '-':
                throw new IOException("error reply: " + rest);
            case ':':
                return Long.parseLong(rest);
            case '$': {
                int length = Integer.parseInt(rest);
                if (length < 0) return null;
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(rest);
                if (count < 0) return null;
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) items.add(reply(in));
                return items;
            }
            default:
                throw new IOException("unexpected reply: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new IOException("connection closed after: " + s);
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }

    private void readLog(InputStream in, CountDownLatch ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (log) {
                    log.addLast(line);
                    if (log.size() > LOG_LINES) log.removeFirst();
                }
                if (line.contains("Ready to accept connections")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            ready.countDown(); // exited: start() sees a dead process instead of waiting it out
        }
    }

    private static String executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> candidates = new ArrayList<>();
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) candidates.add(Path.of(entry, "redis-server"));
        }
        candidates.add(Path.of("/usr/bin/redis-server"));
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString).orElse(null);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
