package dev.socketee.examples;

import dev.socketee.tck.support.FreePorts;
import dev.socketee.tck.servers.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx as an ordinary user's process on a free loopback port, running README's proxy
 * config ({@code src/test/nginx/socketee.conf.template}) in front of the given nodes. The
 * surrounding nginx.conf holds only what a non-root run needs (temp and log paths under its own
 * prefix directory) and an access log that names, for every request, its routing cookie and
 * the node nginx sent it to ({@link #routed}).
 */
final class LocalNginx {
    static final Path EXECUTABLE = Path.of("/usr/sbin/nginx");
    static final String ROUTING_COOKIE = "socketee_node";

    private static final String MAIN_CONF = """
            worker_processes 1;
            events { worker_connections 256; }
            http {
                log_format routed '$cookie_socketee_node $upstream_addr $status "$request"';
                access_log %1$s/access.log routed;
                client_body_temp_path %1$s/tmp/client_body;
                proxy_temp_path %1$s/tmp/proxy;
                fastcgi_temp_path %1$s/tmp/fastcgi;
                uwsgi_temp_path %1$s/tmp/uwsgi;
                scgi_temp_path %1$s/tmp/scgi;
                include %1$s/socketee.conf;
            }
            """;
    /** One access log line: cookie (or -), upstream address(es: "a, b" after a retry), status, "request line". */
    private static final Pattern LINE = Pattern.compile("(\\S+) (.+?) (\\d{3}) \"(.*)\"");

    private final ServerProcess process;
    private final Path accessLog;
    private final int port;

    private LocalNginx(ServerProcess process, Path accessLog, int port) {
        this.process = process;
        this.accessLog = accessLog;
        this.port = port;
    }

    /** One proxied request as the access log tells it. */
    record Routed(String cookie, String upstream, int status, String request) {
    }

    static LocalNginx start(Path template, Path prefix, List<String> nodes, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Path dir = prefix.toAbsolutePath();
        Files.createDirectories(dir.resolve("tmp"));
        int port = FreePorts.any();
        String conf = Files.readString(template, StandardCharsets.UTF_8)
                .replace("@NODE_A@", nodes.get(0)).replace("@NODE_B@", nodes.get(1))
                .replace("@LISTEN@", "127.0.0.1:" + port);
        Files.writeString(dir.resolve("socketee.conf"), conf, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("nginx.conf"), MAIN_CONF.formatted(dir), StandardCharsets.UTF_8);
        Path accessLog = dir.resolve("access.log");
        Files.deleteIfExists(accessLog);
        ServerProcess p = ServerProcess.start("nginx", List.of(EXECUTABLE.toString(), "-p", dir + "/", "-e", "stderr",
                "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";"),
                dir, Map.of(), log.toAbsolutePath());
        LocalNginx nginx = new LocalNginx(p, accessLog, port);
        nginx.awaitPage(timeout);
        return nginx;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The access log so far (a WebSocket's line is written when it closes). */
    List<Routed> routed() throws IOException {
        List<Routed> all = new ArrayList<>();
        if (!Files.exists(accessLog)) {
            return all;
        }
        for (String line : Files.readAllLines(accessLog, StandardCharsets.ISO_8859_1)) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                all.add(new Routed(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4)));
            }
        }
        return all;
    }

    Duration stop() {
        return process.stop(Duration.ofSeconds(10));
    }

    /** Ready when a page comes through from a node. */
    private void awaitPage(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI page = URI.create(baseUrl() + "/chat.html");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process + " exited while starting; see its log");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(20); // until it listens
        }
        throw new IllegalStateException(process + ": " + page + " did not answer 200 within " + timeout + " (" + last + ")");
    }

    @Override
    public String toString() {
        return process + " at " + baseUrl();
    }
}
