package dev.socketee.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test WAR on one runner with plain HTTP on a free port, for all the tests of a class
 * ({@code @RegisterExtension static final HttpRunner runner = new HttpRunner(...)}: started
 * before the first, closed after the last), and GETs against it.
 */
final class HttpRunner implements BeforeAllCallback, AfterAllCallback {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String name;
    private final List<String> jvmOptions;
    private RunnerProcess process;
    private String base;

    /** {@code jvmOptions}: e.g. system properties the application reads through MicroProfile Config. */
    HttpRunner(String name, List<String> jvmOptions) {
        this.name = name;
        this.jvmOptions = jvmOptions;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        process = RunnerProcess.start(name, TestWar.build(), jvmOptions, "--port", "0");
        base = process.baseUrl("http");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.close();
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:PORT/}. */
    String base() {
        return base;
    }

    /** Everything the runner printed so far, for failure messages. */
    String output() {
        return process.output();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
