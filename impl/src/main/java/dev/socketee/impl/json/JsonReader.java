package dev.socketee.impl.json;

import static dev.socketee.impl.json.JsonLexer.expect;
import static dev.socketee.impl.json.JsonLexer.skipWhitespace;
import static dev.socketee.impl.json.JsonLexer.unexpected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses JSON text into plain Java values, for event arguments a handler actually wants to
 * read: object to {@link LinkedHashMap} (duplicate keys: last wins), array to
 * {@link ArrayList}, string to String, integer to Integer, Long or BigInteger (narrowest
 * fitting), fraction or exponent to Double, true/false to Boolean, null to null. Same
 * strictness and {@link JsonScanner#MAX_DEPTH} as {@link JsonScanner}. One instance per parse
 * holds the cursor; instances are never exposed.
 */
public final class JsonReader {

    private final String s;
    private final int end;
    private int pos;

    private JsonReader(String s, int start, int end) {
        this.s = s;
        this.pos = start;
        this.end = end;
    }

    /**
     * Parses the whole text as one JSON value (whitespace around it allowed).
     *
     * @throws JsonException if the text is not exactly one well-formed JSON value
     */
    public static Object parse(String json) {
        return parse(json, 0, json.length());
    }

    /**
     * Parses {@code json[start, end)} as one JSON value (whitespace around it allowed).
     *
     * @throws JsonException if the slice is not exactly one well-formed JSON value
     * @throws IndexOutOfBoundsException if the slice is not within {@code json}
     */
    public static Object parse(String json, int start, int end) {
        Objects.checkFromToIndex(start, end, json.length());
        JsonReader reader = new JsonReader(json, start, end);
        Object value = reader.value(0);
        int after = skipWhitespace(json, reader.pos, end);
        if (after != end) {
            throw unexpected(json, after, end);
        }
        return value;
    }

    /** Reads one value inside {@code depth} enclosing containers. */
    private Object value(int depth) {
        pos = skipWhitespace(s, pos, end);
        if (pos >= end) {
            throw unexpected(s, pos, end);
        }
        char c = s.charAt(pos);
        switch (c) {
            case '"':
                return string();
            case '[':
                return array(depth + 1);
            case '{':
                return object(depth + 1);
            case 't':
                pos = JsonLexer.expectLiteral(s, pos, end, "true");
                return Boolean.TRUE;
            case 'f':
                pos = JsonLexer.expectLiteral(s, pos, end, "false");
                return Boolean.FALSE;
            case 'n':
                pos = JsonLexer.expectLiteral(s, pos, end, "null");
                return null;
            default:
                if (c == '-' || JsonLexer.isDigit(c)) {
                    return number();
                }
                throw unexpected(s, pos, end);
        }
    }

    private String string() {
        int from = pos;
        int close = JsonLexer.plainStringEnd(s, from + 1, end);
        if (close >= 0) { // no escape: one pass, a substring
            pos = close + 1;
            return s.substring(from + 1, close);
        }
        pos = JsonLexer.scanString(s, from, end);
        return JsonLexer.decodeString(s, from + 1, pos - 1);
    }

    private Number number() {
        int from = pos;
        pos = JsonLexer.scanNumber(s, from, end);
        return JsonLexer.toNumber(s, from, pos);
    }

    private List<Object> array(int depth) {
        if (depth > JsonScanner.MAX_DEPTH) {
            throw JsonLexer.tooDeep(pos);
        }
        List<Object> list = new ArrayList<>();
        pos = skipWhitespace(s, pos + 1, end);
        if (pos < end && s.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            pos = skipWhitespace(s, pos, end);
            if (pos < end && s.charAt(pos) == ']') {
                pos++;
                return list;
            }
            pos = expect(s, pos, end, ',');
        }
    }

    private Map<String, Object> object(int depth) {
        if (depth > JsonScanner.MAX_DEPTH) {
            throw JsonLexer.tooDeep(pos);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        pos = skipWhitespace(s, pos + 1, end);
        if (pos < end && s.charAt(pos) == '}') {
            pos++;
            return map;
        }
        while (true) {
            member(map, depth);
            pos = skipWhitespace(s, pos, end);
            if (pos < end && s.charAt(pos) == '}') {
                pos++;
                return map;
            }
            pos = skipWhitespace(s, expect(s, pos, end, ','), end);
        }
    }

    /** Reads {@code "key": value} at the cursor into {@code map}. */
    private void member(Map<String, Object> map, int depth) {
        if (pos >= end || s.charAt(pos) != '"') {
            throw unexpected(s, pos, end);
        }
        String key = string();
        pos = expect(s, skipWhitespace(s, pos, end), end, ':');
        map.put(key, value(depth));
    }
}
