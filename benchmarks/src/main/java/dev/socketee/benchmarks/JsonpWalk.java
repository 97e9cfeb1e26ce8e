package dev.socketee.benchmarks;

import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Plain values (maps, lists, strings, Integer / Long / Double, booleans, null) through a JSON-P
 * generator: what replacing JsonWriter by JSON-P would take for the types a packet holds. Only
 * for the comparison; unknown types are refused.
 */
final class JsonpWalk {

    private JsonpWalk() {
    }

    static String write(JsonGeneratorFactory factory, Object value) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = factory.createGenerator(out)) {
            value(g, value);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.write(s);
        } else if (v instanceof Integer i) {
            g.write(i.intValue());
        } else if (v instanceof Long l) {
            g.write(l.longValue());
        } else if (v instanceof Double d) {
            g.write(d.doubleValue());
        } else if (v instanceof Boolean b) {
            g.write(b.booleanValue());
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            map.forEach((k, e) -> {
                g.writeKey(String.valueOf(k));
                value(g, e);
            });
            g.writeEnd();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            list.forEach(e -> value(g, e));
            g.writeEnd();
        } else {
            throw new IllegalArgumentException("not a plain value: " + v.getClass().getName());
        }
    }
}
