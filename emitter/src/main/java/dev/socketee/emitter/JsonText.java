package dev.socketee.emitter;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON text of a {@link Values plain value tree}, as node's {@code JSON.stringify} writes the same
 * JavaScript value (the emitter's requests are JSON, not MessagePack): no whitespace, keys in
 * iteration order, strings escaped as ES2019 does ({@code \" \\ \b \f \n \r \t}, other control
 * characters and lone surrogates as lowercase {@code \}{@code u} escapes, everything else as is),
 * numbers as {@link JsNumbers} writes them (integral types exactly), NaN and the infinities as
 * {@code null}, and a {@code byte[]} as a node {@code Buffer} serializes itself:
 * {@code {"type":"Buffer","data":[bytes 0-255]}}.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    static String stringify(Object plain) {
        StringBuilder out = new StringBuilder();
        write(out, plain);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(Double.isFinite(d) ? JsNumbers.toString(d) : "null");
        } else if (value instanceof byte[] bytes) {
            out.append("{\"type\":\"Buffer\",\"data\":[");
            for (int i = 0; i < bytes.length; i++) {
                out.append(i == 0 ? "" : ",").append(bytes[i] & 0xff);
            }
            out.append("]}");
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(out, (String) entry.getKey());
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
        }
    }

    static void string(StringBuilder out, String s) {
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
