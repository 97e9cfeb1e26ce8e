package dev.socketee.impl.json;

/**
 * Plain values for validated JSON text, objects and arrays as lazy views that keep the text
 * ({@link JsonObjectView}, {@link JsonArrayView}); scalars are read at once (they are immutable,
 * and cheap to write again).
 */
public final class JsonViews {

    private JsonViews() {
    }

    /** {@code json} (one valid JSON value, no surrounding whitespace) as a plain Java value. */
    public static Object plain(String json) {
        char first = json.isEmpty() ? ' ' : json.charAt(0);
        if (first == '{') {
            return new JsonObjectView(json);
        }
        if (first == '[') {
            return new JsonArrayView(json);
        }
        return JsonReader.parse(json);
    }
}
