package dev.socketee.impl.cdi;

import dev.socketee.impl.json.JsonException;
import dev.socketee.impl.json.JsonFallback;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonScanner;
import dev.socketee.impl.json.JsonViews;
import dev.socketee.impl.json.JsonWriter;
import dev.socketee.impl.json.RawJson;
import jakarta.json.bind.Jsonb;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns event arguments into what a handler asks for, and user objects into JSON. Strings,
 * numbers, booleans, maps and lists are read by the built-in JSON reader; records and POJOs go
 * through JSON-B (one shared, thread-safe {@link Jsonb}: the application's, see {@link JsonbSource}).
 * Arguments arrive as raw JSON text (text packets) or as plain Java values with {@code byte[]}
 * (binary packets); a byte[] inside a record or POJO is an attachment both ways.
 */
final class ArgumentBinder {

    private final Jsonb jsonb;
    /** Whether {@link #jsonb} writes and reads byte[] as attachments ({@link JsonbBinary}). */
    private final boolean binaryAware;

    /** With Yasson's defaults (plus byte[] as attachments). */
    ArgumentBinder() {
        this(JsonbSource.choose(null));
    }

    /** With the application's {@code @Produces Jsonb} or {@code JsonbConfig} if it has one. */
    ArgumentBinder(BeanManager beanManager) {
        this(JsonbSource.choose(beanManager));
    }

    ArgumentBinder(JsonbSource.Choice choice) {
        this.jsonb = choice.jsonb();
        this.binaryAware = choice.binaryAware();
    }

    /** Writes records and POJOs in emitted data; their byte[] become the packet's attachments. */
    JsonFallback fallback() {
        return new JsonFallback() {
            @Override
            public String toJson(Object value) {
                return toJson(value, null);
            }

            @Override
            public String toJson(Object value, List<byte[]> attachments) {
                return binaryAware ? JsonbBinary.with(attachments, () -> jsonb().toJson(value)) : jsonb().toJson(value);
            }
        };
    }

    private Jsonb jsonb() {
        if (jsonb == null) {
            throw new IllegalArgumentException("No JSON-B provider in this application to bind records or POJOs");
        }
        return jsonb;
    }

    @SuppressWarnings("unchecked")
    <T> T bind(Object arg, Type type) {
        if (arg == null || arg == RawJson.NULL || arg instanceof RawJson r && "null".equals(r.json())) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                throw new IllegalArgumentException("null cannot be bound to " + c.getName());
            }
            return null;
        }
        try {
            if (arg instanceof RawJson raw) {
                return (T) bindRaw(raw.json(), type);
            }
            if (type instanceof Class<?> c && box(c).isInstance(arg)) {
                return (T) arg;
            }
            if (arg instanceof byte[]) {
                throw new IllegalArgumentException("binary argument cannot be bound to " + type.getTypeName());
            }
            return (T) bindTree(arg, type);
        } catch (JsonbException | JsonException | ClassCastException e) {
            throw new IllegalArgumentException("Argument cannot be bound to " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    /** A binary packet's argument (plain values, byte[] where placeholders were) through JSON-B. */
    private Object bindTree(Object arg, Type type) {
        StringBuilder json = new StringBuilder(64);
        if (!binaryAware) { // a Jsonb Socketee did not build reads byte[] by its own strategy: Yasson's default number arrays
            JsonWriter.write(json, ByteNumbers.of(arg));
            return jsonb().fromJson(json.toString(), type);
        }
        List<byte[]> attachments = new ArrayList<>(2);
        JsonWriter.write(json, arg, attachments);
        return JsonbBinary.with(attachments, () -> jsonb().fromJson(json.toString(), type));
    }

    private Object bindRaw(String json, Type type) {
        if (type == String.class) {
            if (!JsonScanner.isString(json)) {
                throw new IllegalArgumentException("expected a JSON string, got " + abbreviate(json));
            }
            return JsonScanner.readString(json, 0);
        }
        if (type == Object.class || type == Map.class || type == List.class) {
            Object v = JsonViews.plain(json);
            if (type != Object.class && !((Class<?>) type).isInstance(v)) {
                throw new IllegalArgumentException("expected " + ((Class<?>) type).getSimpleName() + ", got " + abbreviate(json));
            }
            return v;
        }
        if (type instanceof Class<?> c && (c == Boolean.class || c == boolean.class)) {
            Object v = JsonReader.parse(json);
            if (!(v instanceof Boolean)) {
                throw new IllegalArgumentException("expected a boolean, got " + abbreviate(json));
            }
            return v;
        }
        if (type == byte[].class) {
            throw new IllegalArgumentException("expected binary data, got " + abbreviate(json));
        }
        return binaryAware ? JsonbBinary.with(null, () -> jsonb().fromJson(json, type)) : jsonb().fromJson(json, type);
    }

    /**
     * Arguments as plain Java values. Objects and arrays of text packets are lazy views that keep
     * their text until opened, so acking or emitting one unchanged writes that text again.
     */
    static List<Object> plain(List<Object> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (Object a : args) {
            out.add(a instanceof RawJson r ? JsonViews.plain(r.json()) : a);
        }
        return out;
    }

    /** An argument as JSON text; binary parts as placeholders. */
    static String json(Object arg) {
        if (arg instanceof RawJson r) {
            return r.json();
        }
        StringBuilder sb = new StringBuilder();
        JsonWriter.write(sb, arg, new ArrayList<>());
        return sb.toString();
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == double.class ? Double.class
                : c == boolean.class ? Boolean.class : c == float.class ? Float.class : c == short.class ? Short.class
                : c == byte.class ? Byte.class : Character.class;
    }

    private static String abbreviate(String json) {
        return json.length() <= 40 ? json : json.substring(0, 40) + "...";
    }
}
