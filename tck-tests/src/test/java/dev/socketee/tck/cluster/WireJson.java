package dev.socketee.tck.cluster;

import dev.socketee.tck.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the lines exchanged with the node helpers of {@code src/test/node/cluster} (see its
 * {@code wire.mjs}): plain JSON, except that binary travels as {@code {"$bin": "<base64>"}}, which
 * this class turns into {@code byte[]} and back.
 */
final class WireJson {

    private WireJson() {}

    /** Parses a line's JSON: objects as LinkedHashMap, arrays as List, numbers Long or Double, binary as byte[]. */
    static Object parse(String json) {
        return fromWire(Json.parse(json));
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static Object fromWire(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) out.add(fromWire(v));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("$bin") instanceof String base64) {
                return Base64.getDecoder().decode(base64);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, fromWire(v)));
            return out;
        }
        return value;
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof byte[] bytes) {
            out.append("{\"$bin\":\"").append(Base64.getEncoder().encodeToString(bytes)).append("\"}");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) out.append(',');
                first = false;
                write(out, item);
            }
            out.append(']');
        } else if (value instanceof Object[] array) {
            write(out, List.of(array));
        } else {
            throw new IllegalArgumentException("no JSON for " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
