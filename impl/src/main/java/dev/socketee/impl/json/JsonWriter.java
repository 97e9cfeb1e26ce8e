package dev.socketee.impl.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes Java values as compact JSON the way JavaScript's {@code JSON.stringify} would, for
 * outgoing Socket.IO packets. Built-in mappings cover the JSON-like JDK types (strings, numbers,
 * booleans, maps, iterables, arrays, enums, Optional), {@link RawJson} and untouched
 * {@link RawBacked} views (their text, verbatim); binary values
 * ({@code byte[]}, {@link ByteBuffer}) become Socket.IO attachment placeholders; everything else
 * goes to a pluggable {@link JsonFallback} (e.g. JSON-B for user records). Nesting is limited to
 * {@link #MAX_DEPTH} so cyclic structures fail with IllegalArgumentException instead of
 * overflowing the stack. One instance per write holds the output and options.
 */
public final class JsonWriter {

    /** Maximum nesting of containers (maps, iterables, arrays, optionals). */
    public static final int MAX_DEPTH = 64;

    private final StringBuilder out;
    private final List<byte[]> attachments;
    private final JsonFallback fallback;

    private JsonWriter(StringBuilder out, List<byte[]> attachments, JsonFallback fallback) {
        this.out = out;
        this.attachments = attachments;
        this.fallback = fallback;
    }

    /** Returns {@code value} as JSON; binary values and unknown types are rejected. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    /** Appends {@code value} as JSON; binary values and unknown types are rejected. */
    public static void write(StringBuilder out, Object value) {
        write(out, value, null, null);
    }

    /**
     * Appends {@code value} as JSON. Each {@code byte[]} or {@link ByteBuffer} is added to
     * {@code attachments} and written as {@code {"_placeholder":true,"num":N}}, N being its index
     * in {@code attachments}.
     *
     * @throws IllegalArgumentException for binary values when {@code attachments} is null, for
     *     unknown types, or for nesting deeper than {@link #MAX_DEPTH}
     */
    public static void write(StringBuilder out, Object value, List<byte[]> attachments) {
        write(out, value, attachments, null);
    }

    /**
     * Like {@link #write(StringBuilder, Object, List)}, but values of types without a built-in
     * mapping are written as the JSON text returned by {@code fallback} (may be null).
     */
    public static void write(StringBuilder out, Object value, List<byte[]> attachments, JsonFallback fallback) {
        new JsonWriter(out, attachments, fallback).value(value, 0);
    }

    /** Whether {@code value} contains a {@code byte[]} or {@link ByteBuffer} anywhere. */
    public static boolean containsBinary(Object value) {
        return containsBinary(value, 0);
    }

    // ---- dispatch --------------------------------------------------------------------------

    /** Writes a value found inside {@code depth} enclosing containers. */
    private void value(Object v, int depth) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Integer i) {
            out.append(i.intValue());
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof RawJson raw) {
            out.append(raw.json());
        } else if (!scalar(v)) {
            container(v, depth + 1);
        }
    }

    /** Writes the less common scalar types; returns false if {@code v} is none of them. */
    private boolean scalar(Object v) {
        if (v instanceof Long l) {
            out.append(l.longValue());
        } else if (v instanceof Double d) {
            JsNumberFormat.appendDouble(out, d);
        } else if (v instanceof Float f) {
            JsNumberFormat.appendFloat(out, f);
        } else if (v instanceof Short || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal) {
            out.append(v);
        } else if (v instanceof CharSequence || v instanceof Character) {
            string(v.toString());
        } else if (v instanceof Enum<?> e) {
            string(e.name());
        } else {
            return false;
        }
        return true;
    }

    private void container(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Nesting deeper than " + MAX_DEPTH + " (cyclic structure?)");
        }
        if (v instanceof RawBacked view) {
            String json = view.untouchedJson();
            if (json != null) {
                out.append(json);
                return;
            }
        }
        if (v instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (v instanceof Iterable<?> iterable) {
            iterable(iterable, depth);
        } else if (v instanceof Object[] array) {
            objectArray(array, depth);
        } else if (v instanceof Optional<?> optional) {
            value(optional.orElse(null), depth);
        } else if (!binary(v) && !primitiveArray(v)) {
            fallback(v);
        }
    }

    private void fallback(Object v) {
        if (fallback == null) {
            throw new IllegalArgumentException("No JSON mapping for " + v.getClass().getName());
        }
        String json = fallback.toJson(v, attachments);
        out.append(json == null ? "null" : json);
    }

    // ---- strings ---------------------------------------------------------------------------

    private void string(String s) {
        out.append('"');
        int from = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a pair is one character: written as is
                continue;
            }
            out.append(s, from, i);
            escape(c);
            from = i + 1;
        }
        out.append(s, from, length).append('"');
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            // control characters, and lone surrogates as JSON.stringify writes them (UTF-8 cannot carry them)
            default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                    .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    // ---- containers ------------------------------------------------------------------------

    private void object(Map<?, ?> map, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(String.valueOf(entry.getKey()));
            out.append(':');
            value(entry.getValue(), depth);
        }
        out.append('}');
    }

    private void iterable(Iterable<?> iterable, int depth) {
        out.append('[');
        boolean first = true;
        for (Object element : iterable) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(element, depth);
        }
        out.append(']');
    }

    private void objectArray(Object[] array, int depth) {
        out.append('[');
        for (int i = 0; i < array.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            value(array[i], depth);
        }
        out.append(']');
    }

    /** Writes int[], long[], short[], double[], float[] and boolean[]; false for other types. */
    private boolean primitiveArray(Object v) {
        if (v instanceof int[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                (i > 0 ? out.append(',') : out).append(a[i]);
            }
        } else if (v instanceof long[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                (i > 0 ? out.append(',') : out).append(a[i]);
            }
        } else if (v instanceof short[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                (i > 0 ? out.append(',') : out).append(a[i]);
            }
        } else if (v instanceof boolean[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                (i > 0 ? out.append(',') : out).append(a[i]);
            }
        } else {
            return floatingArray(v);
        }
        out.append(']');
        return true;
    }

    private boolean floatingArray(Object v) {
        if (v instanceof double[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                JsNumberFormat.appendDouble(i > 0 ? out.append(',') : out, a[i]);
            }
        } else if (v instanceof float[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                JsNumberFormat.appendFloat(i > 0 ? out.append(',') : out, a[i]);
            }
        } else {
            return false;
        }
        out.append(']');
        return true;
    }

    // ---- binary ----------------------------------------------------------------------------

    /** Writes a byte[] or ByteBuffer as an attachment placeholder; false for other types. */
    private boolean binary(Object v) {
        byte[] bytes;
        if (v instanceof byte[] b) {
            bytes = b;
        } else if (v instanceof ByteBuffer buffer) {
            bytes = new byte[buffer.remaining()];
            buffer.get(buffer.position(), bytes);
        } else {
            return false;
        }
        if (attachments == null) {
            throw new IllegalArgumentException("binary data needs attachments");
        }
        out.append("{\"_placeholder\":true,\"num\":").append(attachments.size()).append('}');
        attachments.add(bytes);
        return true;
    }

    private static boolean containsBinary(Object v, int depth) {
        if (v instanceof byte[] || v instanceof ByteBuffer) {
            return true;
        }
        if (v instanceof RawBacked view && view.untouchedJson() != null) {
            return false; // text from a client: placeholders in it are plain objects, not attachments
        }
        if (depth >= MAX_DEPTH && (v instanceof Map || v instanceof Iterable || v instanceof Object[])) {
            throw new IllegalArgumentException("Nesting deeper than " + MAX_DEPTH + " (cyclic structure?)");
        }
        if (v instanceof Map<?, ?> map) {
            return anyBinary(map.values(), depth + 1);
        } else if (v instanceof Iterable<?> iterable) {
            return anyBinary(iterable, depth + 1);
        } else if (v instanceof Object[] array) {
            return anyBinary(Arrays.asList(array), depth + 1);
        } else if (v instanceof Optional<?> optional) {
            return optional.isPresent() && containsBinary(optional.get(), depth);
        }
        return false;
    }

    private static boolean anyBinary(Iterable<?> values, int depth) {
        for (Object value : values) {
            if (containsBinary(value, depth)) {
                return true;
            }
        }
        return false;
    }
}
