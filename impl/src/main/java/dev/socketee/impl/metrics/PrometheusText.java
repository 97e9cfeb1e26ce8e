package dev.socketee.impl.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Prometheus text exposition format (version 0.0.4) of a list of meters, for the built-in
 * endpoint of servers without a metrics registry: one {@code # HELP} and {@code # TYPE} per name,
 * dots become underscores, counters end in {@code _total}.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String render(List<Meter> meters) {
        Map<String, List<Meter>> byName = new LinkedHashMap<>();
        for (Meter m : meters) {
            byName.computeIfAbsent(name(m), k -> new java.util.ArrayList<>()).add(m);
        }
        StringBuilder out = new StringBuilder(4096);
        for (Map.Entry<String, List<Meter>> e : byName.entrySet()) {
            Meter first = e.getValue().get(0);
            out.append("# HELP ").append(e.getKey()).append(' ').append(first.help().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            out.append("# TYPE ").append(e.getKey()).append(' ').append(first.kind() == Meter.Kind.COUNTER ? "counter" : "gauge").append('\n');
            for (Meter m : e.getValue()) {
                out.append(e.getKey());
                labels(out, m.tags());
                out.append(' ').append(number(m.value().getAsDouble())).append('\n');
            }
        }
        return out.toString();
    }

    /** The Prometheus name of a meter. */
    public static String name(Meter m) {
        String base = m.name().replace('.', '_');
        return m.kind() == Meter.Kind.COUNTER ? base + "_total" : base;
    }

    private static void labels(StringBuilder out, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> t : new TreeMap<>(tags).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(t.getKey()).append("=\"")
                    .append(t.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        out.append('}');
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
