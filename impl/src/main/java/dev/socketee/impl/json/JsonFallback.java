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
}
