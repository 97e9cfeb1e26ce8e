package dev.socketee.redis;

import dev.socketee.redis.wire.JsonReader;
import dev.socketee.redis.wire.JsonWriter;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * The node.js socket.io server of src/test/node/peer.js, driven over its stdin/stdout: one JSON
 * command per line, answered by a {@code done} event with the same {@code seq}; everything its
 * clients and server see comes as events. Binary values cross as {@code {"$bin": base64}}.
 */
final class NodePeer implements AutoCloseable {

    static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final OutputStream stdin;
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private int seq;
    final int port;
    final String uid;

    /** Skips the calling test, saying why, when node or the peer's npm packages are missing. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(onPath("node"), "node.js not found on PATH: the node.js wire tests are skipped");
        Assumptions.assumeTrue(Files.isDirectory(DIR.resolve("node_modules/@socket.io/redis-adapter")),
                "no node packages in " + DIR + " (the build's 'npm install' did not run or failed): the node.js wire tests are skipped");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    NodePeer(String redisUri, String key, String nsp, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", "peer.js").directory(DIR.toFile());
        pb.environment().put("REDIS_URL", redisUri);
        pb.environment().put("KEY", key);
        pb.environment().put("NSP", nsp);
        pb.environment().putAll(env);
        process = pb.start();
        stdin = process.getOutputStream();
        Thread reader = new Thread(this::readEvents, "node-peer-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(this::readErrors, "node-peer-stderr");
        errors.setDaemon(true);
        errors.start();
        Map<String, Object> ready = await(e -> "ready".equals(e.get("ev")) || "fatal".equals(e.get("ev")), "ready");
        if ("fatal".equals(ready.get("ev"))) {
            throw new IOException("the node peer failed: " + ready.get("message"));
        }
        port = ((Number) ready.get("port")).intValue();
        uid = (String) ready.get("uid");
    }

    private void readEvents() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) fromWire(JsonReader.parse(line));
                synchronized (this) {
                    events.add(event);
                    notifyAll();
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                stderr.append("stdout reader: ").append(e).append('\n');
                notifyAll();
            }
        }
    }

    private void readErrors() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Sends a command and waits for its answer (the {@code done} event, without ev and seq). */
    Map<String, Object> call(String cmd, Object... keysAndValues) throws IOException {
        Map<String, Object> command = new LinkedHashMap<>();
        int mine;
        synchronized (this) {
            mine = ++seq;
        }
        command.put("cmd", cmd);
        command.put("seq", mine);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            command.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        synchronized (stdin) {
            stdin.write((JsonWriter.stringify(toWire(command)) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }
        Map<String, Object> done = await(e -> "done".equals(e.get("ev")) && Integer.valueOf(mine).equals(e.get("seq")), cmd);
        Map<String, Object> answer = new LinkedHashMap<>(done);
        answer.remove("ev");
        answer.remove("seq");
        return answer;
    }

    /** The first event (from the start) that matches, waiting for it (bounded). */
    synchronized Map<String, Object> await(Predicate<Map<String, Object>> match, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (Map<String, Object> e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive() && events.stream().noneMatch(match)) {
                throw new AssertionError("the node peer never sent " + what + "; events: " + events + "; stderr: " + stderr);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    synchronized List<Map<String, Object>> events(Predicate<Map<String, Object>> match) {
        return events.stream().filter(match).toList();
    }

    /** What node client {@code client} got as {@code event}: the args of each delivery. */
    List<List<Object>> got(String client, String event) {
        return events(e -> "got".equals(e.get("ev")) && client.equals(e.get("client")) && event.equals(e.get("event")))
                .stream().map(e -> Wire.list(e.get("args"), "args")).toList();
    }

    /** Connects a socket.io-client to the peer: its server-side socket joins {@code rooms}. */
    String client(String name, List<String> rooms, Map<String, Object> data) throws IOException {
        return (String) call("client", "name", name, "rooms", rooms, "data", data).get("id");
    }

    static Object toWire(Object v) {
        if (v instanceof byte[] b) {
            return Map.of("$bin", Base64.getEncoder().encodeToString(b));
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), toWire(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(NodePeer::toWire).toList();
        }
        return v;
    }

    static Object fromWire(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("$bin") instanceof String b64) {
                return Base64.getDecoder().decode(b64);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), fromWire(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(fromWire(x)));
            return out;
        }
        return v;
    }

    @Override
    public void close() {
        try {
            call("exit");
        } catch (IOException | AssertionError ignored) {
            // it may be gone already
        }
        try {
            if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
