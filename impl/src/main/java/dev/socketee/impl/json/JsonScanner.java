package dev.socketee.impl.json;

import static dev.socketee.impl.json.JsonLexer.expect;
import static dev.socketee.impl.json.JsonLexer.unexpected;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates and skips JSON text without building a tree. A Socket.IO event packet is a JSON
 * array whose first element is the event name; the scanner lets the server validate the packet
 * and cut it into {@link RawJson} arguments, so arguments that are only passed on (broadcasts,
 * acks) are never parsed into objects. Strict RFC 8259; nesting is limited to
 * {@link #MAX_DEPTH}, which also bounds the recursion, so no input can overflow the stack, and
 * numbers to 4,300 characters with an exponent of at most 9999, so a validated argument is
 * cheap for whoever converts it later (BigInteger, JSON-B's BigDecimal).
 */
public final class JsonScanner {

    /** Maximum nesting of arrays and objects; a 65th level is rejected. */
    public static final int MAX_DEPTH = 64;

    private JsonScanner() {
    }

    /**
     * Validates one complete JSON value starting at {@code pos} (leading whitespace allowed).
     *
     * @return the index just after the value; trailing whitespace is not skipped
     * @throws JsonException if the value is malformed, incomplete or nested too deep
     */
    public static int skipValue(String s, int pos) {
        return skipValue(s, pos, s.length(), 0);
    }

    /** Returns the first index at or after {@code pos} that is not JSON whitespace. */
    public static int skipWhitespace(String s, int pos) {
        return JsonLexer.skipWhitespace(s, pos, s.length());
    }

    /**
     * Splits {@code s[start, end)}, which must be exactly one JSON array (whitespace around it
     * allowed), into its elements, each trimmed of surrounding whitespace. Validates everything.
     *
     * @throws JsonException if the slice is not a single well-formed array
     */
    public static List<RawJson> splitArray(String s, int start, int end) {
        checkRange(s, start, end);
        int pos = expect(s, JsonLexer.skipWhitespace(s, start, end), end, '[');
        List<RawJson> elements = new ArrayList<>();
        pos = JsonLexer.skipWhitespace(s, pos, end);
        if (pos < end && s.charAt(pos) == ']') {
            pos++;
        } else {
            pos = splitElements(s, pos, end, elements);
        }
        pos = JsonLexer.skipWhitespace(s, pos, end);
        if (pos != end) {
            throw unexpected(s, pos, end);
        }
        return elements;
    }

    /** Collects the elements of a non-empty array; returns the index after its ']'. */
    private static int splitElements(String s, int pos, int end, List<RawJson> elements) {
        while (true) {
            int from = JsonLexer.skipWhitespace(s, pos, end);
            pos = skipValue(s, from, end, 1);
            elements.add(new RawJson(s.substring(from, pos)));
            pos = JsonLexer.skipWhitespace(s, pos, end);
            if (pos < end && s.charAt(pos) == ']') {
                return pos + 1;
            }
            pos = expect(s, pos, end, ',');
        }
    }

    /**
     * Decodes the JSON string at {@code pos} (leading whitespace allowed) into a Java string.
     *
     * @throws JsonException if there is no well-formed string at {@code pos}
     */
    public static String readString(String s, int pos) {
        int end = s.length();
        int from = JsonLexer.skipWhitespace(s, pos, end);
        if (from >= end || s.charAt(from) != '"') {
            throw unexpected(s, from, end);
        }
        int close = JsonLexer.plainStringEnd(s, from + 1, end);
        if (close >= 0) {
            return s.substring(from + 1, close);
        }
        int after = JsonLexer.scanString(s, from, end);
        return JsonLexer.decodeString(s, from + 1, after - 1);
    }

    /** Whether the first non-whitespace character is '{'; false for null or blank input. */
    public static boolean isObject(String json) {
        return firstChar(json) == '{';
    }

    /** Whether the first non-whitespace character is '['; false for null or blank input. */
    public static boolean isArray(String json) {
        return firstChar(json) == '[';
    }

    /** Whether the first non-whitespace character is '"'; false for null or blank input. */
    public static boolean isString(String json) {
        return firstChar(json) == '"';
    }

    private static char firstChar(String json) {
        if (json == null) {
            return 0;
        }
        int pos = skipWhitespace(json, 0);
        return pos < json.length() ? json.charAt(pos) : 0;
    }

    // ---- skipping --------------------------------------------------------------------------

    /** Skips one value inside {@code depth} enclosing containers. */
    static int skipValue(String s, int pos, int end, int depth) {
        pos = JsonLexer.skipWhitespace(s, pos, end);
        if (pos >= end) {
            throw unexpected(s, pos, end);
        }
        char c = s.charAt(pos);
        switch (c) {
            case '"':
                return JsonLexer.scanString(s, pos, end);
            case '[':
                return skipArray(s, pos, end, depth + 1);
            case '{':
                return skipObject(s, pos, end, depth + 1);
            case 't':
                return JsonLexer.expectLiteral(s, pos, end, "true");
            case 'f':
                return JsonLexer.expectLiteral(s, pos, end, "false");
            case 'n':
                return JsonLexer.expectLiteral(s, pos, end, "null");
            default:
                if (c == '-' || JsonLexer.isDigit(c)) {
                    return JsonLexer.scanNumber(s, pos, end);
                }
                throw unexpected(s, pos, end);
        }
    }

    private static int skipArray(String s, int pos, int end, int depth) {
        if (depth > MAX_DEPTH) {
            throw JsonLexer.tooDeep(pos);
        }
        int i = JsonLexer.skipWhitespace(s, pos + 1, end);
        if (i < end && s.charAt(i) == ']') {
            return i + 1;
        }
        while (true) {
            i = JsonLexer.skipWhitespace(s, skipValue(s, i, end, depth), end);
            if (i < end && s.charAt(i) == ']') {
                return i + 1;
            }
            i = expect(s, i, end, ',');
        }
    }

    private static int skipObject(String s, int pos, int end, int depth) {
        if (depth > MAX_DEPTH) {
            throw JsonLexer.tooDeep(pos);
        }
        int i = JsonLexer.skipWhitespace(s, pos + 1, end);
        if (i < end && s.charAt(i) == '}') {
            return i + 1;
        }
        while (true) {
            i = skipMember(s, i, end, depth);
            if (i < end && s.charAt(i) == '}') {
                return i + 1;
            }
            i = JsonLexer.skipWhitespace(s, expect(s, i, end, ','), end);
        }
    }

    /** Skips {@code "key": value} and the whitespace after it. */
    private static int skipMember(String s, int pos, int end, int depth) {
        if (pos >= end || s.charAt(pos) != '"') {
            throw unexpected(s, pos, end);
        }
        int i = JsonLexer.skipWhitespace(s, JsonLexer.scanString(s, pos, end), end);
        i = expect(s, i, end, ':');
        return JsonLexer.skipWhitespace(s, skipValue(s, i, end, depth), end);
    }

    static void checkRange(String s, int start, int end) {
        Objects.checkFromToIndex(start, end, s.length());
    }
}
