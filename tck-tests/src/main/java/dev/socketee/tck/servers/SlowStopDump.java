package dev.socketee.tck.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Evidence for a stop that takes long: once a server has been stopping for {@link #AFTER}, its JVM's
 * threads are written to {@code <name>-slow-stop-threads.txt} beside its log (with {@code jcmd}, from this
 * JVM's own JDK). Open Liberty waits out its whole 30 s quiesce in some clean-clone runs and not in others,
 * and its log says only "1 threads did not complete" (CWWKE1107W); the dump says which (see
 * docs/upstream/open-liberty-websocket-close-hang.md).
 */
final class SlowStopDump {
    static final Duration AFTER = Duration.ofSeconds(10);

    private SlowStopDump() {
    }

    /** Schedules the dump of {@code tree}'s JVMs; cancel the returned future when the stop is over. */
    static CompletableFuture<Void> schedule(String name, List<ProcessHandle> tree, Path log) {
        return CompletableFuture.runAsync(() -> dump(name, tree, log),
                CompletableFuture.delayedExecutor(AFTER.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Where the dump of the server logging to {@code log} goes. */
    static Path file(String name, Path log) {
        return log.resolveSibling(name + "-slow-stop-threads.txt");
    }

    /**
     * The dump's threads that were serving requests, websockets or Socketee (at most 12 lines of each), for a
     * failure message: CI shows what the tests print, not the files they leave. Empty without a dump.
     */
    static String requestThreads(Path dump) {
        if (!Files.isRegularFile(dump)) {
            return "";
        }
        try {
            StringBuilder sb = new StringBuilder();
            for (String thread : Files.readString(dump).split("\n\s*\n")) {
                if (thread.contains("dev.socketee") || thread.contains("com.ibm.ws.webcontainer")
                        || thread.contains("com.ibm.ws.http") || thread.contains("com.ibm.ws.wsoc")
                        || thread.contains("jakarta.servlet")) {
                    thread.lines().limit(12).forEach(l -> sb.append(l).append('\n'));
                    sb.append('\n');
                }
            }
            return sb.toString();
        } catch (IOException e) {
            return "(could not read " + dump + ": " + e + ")";
        }
    }

    private static void dump(String name, List<ProcessHandle> tree, Path log) {
        Path out = file(name, log);
        Optional<ProcessHandle> jvm = tree.stream().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
        if (jvm.isEmpty()) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(jvm.get().pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (p.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println("[" + name + "] still stopping after " + AFTER + ": its threads are in " + out);
            } else {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            System.err.println("[" + name + "] could not dump the threads of a slow stop: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
