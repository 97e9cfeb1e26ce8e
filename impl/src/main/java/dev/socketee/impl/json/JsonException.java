package dev.socketee.impl.json;

/**
 * Signals malformed JSON text. Thrown by {@link JsonScanner} and {@link JsonReader} for every
 * kind of syntax error (including too-deep nesting), so callers handling untrusted client
 * packets only need to catch this one type. The message always names the offending index.
 */
public class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
