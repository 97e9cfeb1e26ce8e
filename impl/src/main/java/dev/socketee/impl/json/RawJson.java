package dev.socketee.impl.json;

import java.util.Objects;

/**
 * A JSON value kept as its verbatim text. Lets the server pass event arguments through
 * (e.g. broadcast) without parsing and re-serializing them. The text is trusted to be valid
 * JSON: whoever creates a RawJson must already have validated it (e.g. via
 * {@link JsonScanner#splitArray}). {@link JsonWriter} writes it out unchanged.
 */
public record RawJson(String json) {

    /** The JSON literal {@code null}. */
    public static final RawJson NULL = new RawJson("null");

    public RawJson {
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return json;
    }
}
