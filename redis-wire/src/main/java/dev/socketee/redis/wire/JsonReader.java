package dev.socketee.redis.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (strict RFC 8259, as {@code JSON.parse}) into plain values: LinkedHashMap (key
 * order kept), ArrayList, String, Integer or Long for an integer literal (Double when larger),
 * Double for a fraction or an exponent, Boolean, null. Nesting is bounded by
 * {@link WireLimits#MAX_DEPTH}. One instance per text.
 */
public final class JsonReader {

    private final String s;
    private int pos;

    private JsonReader(String s) {
        this.s = s;
    }

    /** @throws MalformedMessageException if {@code text} is not exactly one JSON value */
    public static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        r.skipWhitespace();
        Object value = r.value(0);
        r.skipWhitespace();
        if (r.pos != text.length()) {
            throw r.error("text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > WireLimits.MAX_DEPTH) {
            throw error("nested deeper than " + WireLimits.MAX_DEPTH);
        }
        if (pos >= s.length()) {
            throw error("a value expected");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a key expected");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() {
        pos++; // the opening quote
        StringBuilder out = null; // only once there is an escape
        int start = pos;
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String tail = s.substring(start, pos++);
                return out == null ? tail : out.append(tail).toString();
            }
            if (c < 0x20) {
                throw error("a control character in a string");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(s, start, pos);
                pos++;
                out.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
    }

    private char escape() {
        char c = next();
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 > s.length()) {
                    throw error("a short \\u escape");
                }
                try {
                    char u = (char) Integer.parseInt(s.substring(pos, pos + 4), 16);
                    pos += 4;
                    return u;
                } catch (NumberFormatException e) {
                    throw error("a bad \\u escape");
                }
            default:
                throw error("a bad escape");
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a digit expected");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigits();
        }
        String text = s.substring(start, pos);
        if (integral && text.length() <= 18) { // fits a long whatever the digits
            long v = Long.parseLong(text);
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        if (integral) {
            BigInteger big = new BigInteger(text);
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        return Double.parseDouble(text);
    }

    private void requireDigits() {
        if (!isDigit(peek())) {
            throw error("a digit expected");
        }
        digits();
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected text");
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("'" + c + "' expected");
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos++);
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private MalformedMessageException error(String what) {
        return new MalformedMessageException("not JSON: " + what + " at " + pos);
    }
}
