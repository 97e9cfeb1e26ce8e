package dev.socketee.tck.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * An application server running as a child process, its output in a log file. Stopping sends
 * SIGTERM to the whole process tree (the server's JVM is often a child of a launch script that
 * does not forward signals), so the server shuts down as an operator's Ctrl-C would.
 * A server whose apps answer before its start sequence is over names the log line that ends it
 * ({@code startedLine}); {@link Readiness} waits for that line as well as for the apps.
 */
public final class ServerProcess {
    private final String name;
    private final Process process;
    private final Path log;
    private final Pattern startedLine;
    private volatile boolean started;

    private ServerProcess(String name, Process process, Path log, Pattern startedLine) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedLine = startedLine;
        this.started = startedLine == null;
    }

    public static ServerProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log)
            throws IOException {
        return start(name, command, workDir, env, log, null);
    }

    /** {@code startedLine}: a line the server logs once its start sequence (deployments included) is over. */
    public static ServerProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log,
            Pattern startedLine) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ServerProcess(name, pb.start(), log, startedLine);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once the log holds the started line (always, for a server that names none). */
    public boolean hasLoggedStart() {
        if (!started) {
            try {
                started = startedLine.matcher(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1)).find();
            } catch (IOException e) {
                return false;
            }
        }
        return started;
    }

    public Path log() {
        return log;
    }

    /** If the last stop took over {@link SlowStopDump#AFTER}: the server's request threads at that moment, else "". */
    public String slowStopRequestThreads() {
        return SlowStopDump.requestThreads(SlowStopDump.file(name, log));
    }

    /** SIGTERM to the tree, then SIGKILL after {@code grace}. Returns how long the server took to exit. */
    public Duration stop(Duration grace) {
        long start = System.nanoTime();
        long deadline = start + grace.toNanos();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        var slowStopDump = SlowStopDump.schedule(name, tree, log);
        boolean exited = true;
        for (ProcessHandle p : tree) {
            exited &= awaitExit(p, deadline);
        }
        slowStopDump.cancel(false);
        if (!exited) {
            System.err.println("[" + name + "] did not stop within " + grace + "; killing it");
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean awaitExit(ProcessHandle p, long deadlineNanos) {
        try {
            p.onExit().get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
