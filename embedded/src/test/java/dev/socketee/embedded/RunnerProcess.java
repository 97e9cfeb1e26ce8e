package dev.socketee.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar socketee-run.jar WAR ARGS...} in its own process, as a user runs it: ready
 * when it prints its start line, whose URLs (with the ports bound for {@code --port 0}) and
 * certificate line the tests read. Its output goes to target/runner-NAME.log.
 */
final class RunnerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(https?)://\\S+?/(?=\\s|$)");
    private static final Pattern PEM = Pattern.compile("PEM (\\S+)");
    private static final Pattern SHA256 = Pattern.compile("SHA-256 ([0-9A-F:]{95})");

    private final Process process;
    private final CompletableFuture<String> started = new CompletableFuture<>();
    private volatile String certificateLine;
    private final StringBuffer output = new StringBuffer();

    private RunnerProcess(Process process, Path log) {
        this.process = process;
        Thread reader = new Thread(() -> pump(log), "runner-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RunnerProcess start(String name, Path war, String... args) throws IOException {
        return start(name, war, List.of(), args);
    }

    /** With JVM options before {@code -jar}, e.g. system properties the application reads through MicroProfile Config. */
    static RunnerProcess start(String name, Path war, List<String> jvmOptions, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("socketee.runner.jar", "target/socketee-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runner jar at " + jar.toAbsolutePath() + " (mvn -pl embedded package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), war.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new RunnerProcess(p, Path.of("target", "runner-" + name + ".log"));
    }

    private void pump(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                output.append(line).append('\n');
                if (line.startsWith("HTTPS certificate: ")) {
                    certificateLine = line;
                }
                if (line.startsWith("Socketee is serving ")) {
                    started.complete(line);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("the runner exited before it started:\n" + output));
    }

    /** The start line, once printed (a runner that exits first fails this with its output). */
    String awaitStarted() throws Exception {
        return started.get(3, TimeUnit.MINUTES);
    }

    /** The base URL the start line gives for a scheme ({@code http} or {@code https}). */
    String baseUrl(String scheme) throws Exception {
        Matcher m = URL.matcher(awaitStarted());
        while (m.find()) {
            if (m.group(1).equals(scheme)) {
                return m.group();
            }
        }
        throw new AssertionError("no " + scheme + " URL in: " + awaitStarted());
    }

    /** The PEM file the certificate line names (self-signed only). */
    Path pemFile() throws Exception {
        awaitStarted();
        Matcher m = PEM.matcher(String.valueOf(certificateLine));
        if (!m.find()) {
            throw new AssertionError("no PEM file in: " + certificateLine);
        }
        return Path.of(m.group(1));
    }

    String sha256() throws Exception {
        awaitStarted();
        Matcher m = SHA256.matcher(String.valueOf(certificateLine));
        if (!m.find()) {
            throw new AssertionError("no SHA-256 fingerprint in: " + certificateLine);
        }
        return m.group(1);
    }

    /** Waits for the process to end on its own (a refused command line). */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the runner did not exit:\n" + output);
        }
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    /** SIGTERM, as Ctrl-C: Jetty stops and the JVM's exit hooks run. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
