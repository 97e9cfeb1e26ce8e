package dev.socketee.redis.wire;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON text of plain values, as node's {@code JSON.stringify} writes the same JavaScript value (the
 * classic adapter's requests and responses, the emitter's requests, the sharded adapter's messages
 * without binary): no whitespace; Map keys as strings in iteration order; List, any Collection and
 * Object[] as arrays; strings escaped as ES2019 does ({@code \" \\ \b \f \n \r \t}, other control
 * characters and lone surrogates as lowercase {@code \}{@code u} escapes, everything else as is);
 * numbers as {@link JsNumbers} writes them, except integral Java types (BigInteger included), which
 * are written exactly; NaN and the infinities as {@code null}; {@code byte[]} and ByteBuffer as a
 * node {@code Buffer} serializes itself: {@code {"type":"Buffer","data":[bytes 0-255]}}. Anything
 * else is refused with an {@link IllegalArgumentException}, as is nesting deeper than
 * {@link WireLimits#MAX_DEPTH}.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {}

    public static String stringify(Object value) {
        StringBuilder out = new StringBuilder(64);
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (depth > WireLimits.MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + WireLimits.MAX_DEPTH);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            number(out, n);
        } else if (value instanceof byte[] bytes) {
            buffer(out, bytes);
        } else if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes); // the caller's position stays where it was
            buffer(out, bytes);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue(), depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            array(out, list, depth);
        } else if (value instanceof Object[] array) {
            array(out, Arrays.asList(array), depth); // not List.of: it refuses null elements
        } else if (value instanceof Character c) {
            string(out, c.toString());
        } else {
            throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
        }
    }

    private static void number(StringBuilder out, Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong || n instanceof BigInteger) {
            out.append(n); // exactly: node reads the digits back to the nearest double either way
        } else {
            double d = n.doubleValue();
            out.append(Double.isFinite(d) ? JsNumbers.toString(d) : "null"); // JSON has no NaN or Infinity
        }
    }

    private static void array(StringBuilder out, Collection<?> list, int depth) {
        out.append('[');
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(out, element, depth + 1);
        }
        out.append(']');
    }

    /** Buffer.prototype.toJSON. */
    private static void buffer(StringBuilder out, byte[] bytes) {
        out.append("{\"type\":\"Buffer\",\"data\":[");
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(bytes[i] & 0xff);
        }
        out.append("]}");
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
}
