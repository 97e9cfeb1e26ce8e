package dev.socketee.tck.cdi;

import dev.socketee.tck.RawHttp;
import dev.socketee.tck.servers.ServerUnderTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the server under test publishes its metrics (Prometheus text) and health (MicroProfile
 * Health JSON): the server's own endpoints on WildFly (management port: Micrometer's
 * {@code /prometheus}, {@code /health}), Payara ({@code /metrics}, {@code /health}) and Open
 * Liberty ({@code /metrics?scope=application}, {@code /health}); on the embedded default, the
 * CDI app's built-in ones ({@code socketee.metrics-path}, {@code socketee.health-path}).
 */
final class OperationsEndpoints {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private OperationsEndpoints() {
    }

    static URI metrics() {
        return switch (ServerUnderTest.name()) {
            case "wildfly" -> URI.create(ServerUnderTest.managementUri() + "/prometheus");
            case "payara", "liberty" -> URI.create(ServerUnderTest.conformanceUri() + "/metrics?scope=application");
            default -> URI.create(CdiTestServer.baseUrl() + "/metrics");
        };
    }

    /** {@code ""} for every check, {@code "/ready"}, {@code "/live"}. */
    static URI health(String which) {
        return switch (ServerUnderTest.name()) {
            case "wildfly" -> URI.create(ServerUnderTest.managementUri() + "/health" + which);
            case "payara", "liberty" -> URI.create(ServerUnderTest.conformanceUri() + "/health" + which);
            default -> URI.create(CdiTestServer.baseUrl() + "/health" + which);
        };
    }

    static String scrape() {
        HttpResponse<String> r = RawHttp.get(metrics());
        if (r.statusCode() != 200) {
            String all = RawHttp.get(URI.create(metrics().toString().replaceFirst("\\?.*", ""))).body();
            throw new AssertionError(metrics() + " answered " + r.statusCode() + ": " + r.body() + "\nthe socketee lines of all metrics:\n"
                    + all.lines().filter(l -> l.contains("socketee")).limit(20).collect(java.util.stream.Collectors.joining("\n")));
        }
        return r.body();
    }

    /**
     * The value of the sample of that Prometheus name whose labels include {@code labels} (other
     * labels, such as MicroProfile's {@code mp_scope}, are ignored), or -1 when there is none.
     */
    static double value(String text, String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    have.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            if (have.entrySet().containsAll(labels.entrySet())) {
                return Double.parseDouble(m.group(4));
            }
        }
        return -1;
    }
}
