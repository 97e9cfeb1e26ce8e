package dev.socketee.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The test WAR on a runner with plain HTTP on a free port, and GETs against it: what the ITs
 * that exercise one running runner share ({@code @BeforeAll} starts it, {@code @AfterAll} closes).
 */
final class HttpRunner implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final RunnerProcess process;
    final String base;

    private HttpRunner(RunnerProcess process) throws Exception {
        this.process = process;
        this.base = process.baseUrl("http");
    }

    /** {@code jvmOptions}: e.g. system properties the application reads through MicroProfile Config. */
    static HttpRunner start(String name, List<String> jvmOptions) throws Exception {
        RunnerProcess process = RunnerProcess.start(name, TestWar.build(), jvmOptions, "--port", "0");
        try {
            return new HttpRunner(process);
        } catch (Exception | Error e) {
            process.close();
            throw e;
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Closes a runner that started; a null one (its start failed) is passed by. */
    static void close(HttpRunner runner) throws InterruptedException {
        if (runner != null) {
            runner.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
