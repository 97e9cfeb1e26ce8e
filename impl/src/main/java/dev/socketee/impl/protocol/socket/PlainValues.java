package dev.socketee.impl.protocol.socket;

import dev.socketee.impl.json.JsonFallback;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emitted arguments as plain values (maps, lists, strings, numbers, booleans, null, byte[]), the
 * form a cluster adapter puts on the wire. Values that are plain already are kept as they are;
 * anything else (records, POJOs) goes through the JSON writer, with the same fallback (JSON-B) the
 * local encoding uses, and is read back, binary included: what a peer delivers equals what a local
 * socket receives.
 */
public final class PlainValues {

    private static final int MAX_DEPTH = JsonWriter.MAX_DEPTH;

    private PlainValues() {
    }

    /** {@code values} as plain values (a new list unless they are plain already). */
    public static List<Object> of(List<?> values, JsonFallback fallback) {
        if (isPlain(values, 0)) {
            @SuppressWarnings("unchecked")
            List<Object> plain = (List<Object>) values;
            return plain;
        }
        List<byte[]> attachments = new ArrayList<>();
        StringBuilder json = new StringBuilder(64);
        JsonWriter.write(json, values, attachments, fallback);
        Object read = JsonReader.parse(json.toString());
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) (attachments.isEmpty() ? read : withAttachments(read, attachments));
        return out;
    }

    private static boolean isPlain(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof byte[]
                || v instanceof Integer || v instanceof Long || v instanceof Double) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return false; // the writer reports the depth error
        }
        if (v instanceof List<?> list) {
            for (Object e : list) {
                if (!isPlain(e, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !isPlain(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false; // ByteBuffer, other numbers, arrays, records, POJOs: through the writer
    }

    /** Replaces each {@code {"_placeholder":true,"num":N}} the writer made with attachment N. */
    private static Object withAttachments(Object v, List<byte[]> attachments) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(withAttachments(e, attachments));
            }
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            if (map.size() == 2 && Boolean.TRUE.equals(map.get("_placeholder")) && map.get("num") instanceof Integer n
                    && n >= 0 && n < attachments.size()) {
                return attachments.get(n);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put((String) e.getKey(), withAttachments(e.getValue(), attachments));
            }
            return out;
        }
        return v;
    }
}
