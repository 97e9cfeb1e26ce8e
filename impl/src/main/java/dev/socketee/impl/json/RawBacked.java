package dev.socketee.impl.json;

/**
 * A value read from a client that still knows the JSON text it came from. While nobody has
 * looked inside, {@link JsonWriter} writes that text instead of serialising the value again (an
 * echo or a re-emit of an unmodified argument costs one append). The first look inside drops
 * the text for good: after it, the contents (and nested maps and lists handed out) may have been
 * changed, so they are written from the values.
 */
public interface RawBacked {

    /** The verbatim JSON text, or null once the contents have been opened. */
    String untouchedJson();
}
