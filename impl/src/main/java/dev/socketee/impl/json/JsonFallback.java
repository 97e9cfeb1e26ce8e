package dev.socketee.impl.json;

/**
 * Serializes values that {@link JsonWriter} has no built-in mapping for (user records, POJOs).
 * Kept as a plain interface so the JSON core stays dependency-free; a JSON-B adapter can be
 * plugged in by the layer that has JSON-B on its classpath.
 */
@FunctionalInterface
public interface JsonFallback {

    /**
     * @return the value as complete, valid JSON text; written verbatim. {@code null} is written
     *     as the JSON literal {@code null}.
     */
    String toJson(Object value);

    /**
     * As {@link #toJson(Object)}, inside a packet that collects binary attachments: a fallback
     * that knows binary values inside {@code value} adds each to {@code attachments} and writes
     * {@code {"_placeholder":true,"num":N}}, N its index there (as {@link JsonWriter} does).
     *
     * @param attachments the packet's attachments so far, or null when the output cannot carry any
     */
    default String toJson(Object value, java.util.List<byte[]> attachments) {
        return toJson(value);
    }
}
