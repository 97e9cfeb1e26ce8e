package dev.socketee.tck.cluster;

import dev.socketee.tck.NodeScenarios;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A node.js helper of {@code src/test/node/cluster} that speaks JSON lines (its {@code wire.mjs}):
 * commands go to its stdin, and its stdout brings {@code RESULT {...}} answers, {@code EVENT {...}}
 * lines kept in order for the test to wait on, and other lines ({@code READY ...}). Stopped by its
 * PID; it also exits by itself when its stdin closes, so a dying test JVM leaves no node behind.
 */
final class NodeProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_LINES = 60;
    private static final int LOG_LINE_CHARS = 2000;

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<String> otherLines = new ArrayList<>();
    private final Deque<String> log = new ArrayDeque<>();

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    /** Runs {@code node <script> <args...>} in the node directory and waits for a line starting with {@code readyPrefix}. */
    static NodeProcess start(String script, List<String> args, String readyPrefix) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(NodeScenarios.nodeDir().toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        }
        NodeProcess node = new NodeProcess(script + "#" + process.pid(), process);
        node.read(process.getInputStream(), true);
        node.read(process.getErrorStream(), false);
        node.awaitLine(line -> line.startsWith(readyPrefix), WAIT);
        return node;
    }

    long pid() {
        return process.pid();
    }

    /** Sends {@code command} (an "id" is added) and returns its result, or fails with its error. */
    Object command(Map<String, ?> command) {
        return command(command, WAIT);
    }

    Object command(Map<String, ?> command, Duration timeout) {
        long id = ids.incrementAndGet();
        Map<String, Object> withId = new LinkedHashMap<>(command);
        withId.put("id", id);
        CompletableFuture<Object> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (stdin) {
                stdin.write((WireJson.write(withId) + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": " + withId + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": no answer to " + withId + " within " + timeout + "; log:\n" + log());
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot send " + withId + " (exited?); log:\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            pending.remove(id);
        }
    }

    /** The events so far, in the order printed. */
    List<Map<String, Object>> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The first event (from the start) matching {@code match}; waits up to {@code timeout} for one. */
    Map<String, Object> awaitEvent(Predicate<Map<String, Object>> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (Map<String, Object> event : events) {
                    if (match.test(event)) return event;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError(name + ": no " + what + " within " + timeout + "; the last events: "
                            + events.subList(Math.max(0, events.size() - 30), events.size()) + "\nlog:\n" + log());
                }
                waitOn(events, left);
            }
        }
    }

    String awaitLine(Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (otherLines) {
            while (true) {
                for (String line : otherLines) {
                    if (match.test(line)) return line;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError(name + ": not ready within " + timeout + " (alive: " + process.isAlive()
                            + "); log:\n" + log());
                }
                waitOn(otherLines, left);
            }
        }
    }

    String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /** Closes its stdin (it exits by itself), then stops it by its PID if it has not within 5 s. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // gone already
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.toHandle().destroy();
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.toHandle().destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(InputStream in, boolean stdout) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    keep((stdout ? "" : "stderr: ") + line);
                    if (stdout) dispatch(line);
                }
            } catch (IOException e) {
                // exited
            } finally {
                wakeAll(); // waiters see the process gone instead of waiting it out
                pending.values().forEach(f -> f.completeExceptionally(new IOException("exited; log:\n" + log())));
            }
        }, name + (stdout ? "-out" : "-err"));
        reader.setDaemon(true);
        reader.start();
    }

    @SuppressWarnings("unchecked")
    private void dispatch(String line) {
        if (line.startsWith("RESULT ")) {
            Map<String, Object> answer = (Map<String, Object>) WireJson.parse(line.substring(7));
            CompletableFuture<Object> f = pending.get(((Number) answer.get("id")).longValue());
            if (f == null) return;
            if (answer.containsKey("error")) f.completeExceptionally(new IllegalStateException(String.valueOf(answer.get("error"))));
            else f.complete(answer.get("result"));
        } else if (line.startsWith("EVENT ")) {
            synchronized (events) {
                events.add((Map<String, Object>) WireJson.parse(line.substring(6)));
                events.notifyAll();
            }
        } else {
            synchronized (otherLines) {
                otherLines.add(line);
                otherLines.notifyAll();
            }
        }
    }

    private void keep(String line) {
        synchronized (log) {
            log.addLast(line.length() > LOG_LINE_CHARS ? line.substring(0, LOG_LINE_CHARS) + "..." : line);
            if (log.size() > LOG_LINES) log.removeFirst();
        }
    }

    private void wakeAll() {
        synchronized (events) {
            events.notifyAll();
        }
        synchronized (otherLines) {
            otherLines.notifyAll();
        }
    }

    private static void waitOn(Object monitor, long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
