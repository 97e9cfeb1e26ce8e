package dev.socketee.impl.cdi;

import dev.socketee.impl.json.JsonException;
import dev.socketee.impl.json.JsonFallback;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonScanner;
import dev.socketee.impl.json.JsonWriter;
import dev.socketee.impl.json.RawJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns event arguments into what a handler asks for, and user objects into JSON. Strings,
 * numbers, booleans, maps and lists are read by the built-in JSON reader; records and POJOs go
 * through JSON-B (one shared, thread-safe {@link Jsonb}). Arguments arrive as raw JSON text
 * (text packets) or as plain Java values with {@code byte[]} (binary packets).
 */
final class ArgumentBinder {

    private static final Logger LOG = Logger.getLogger(ArgumentBinder.class.getName());

    private final Jsonb jsonb;

    ArgumentBinder() {
        this.jsonb = createJsonb();
    }

    private static Jsonb createJsonb() {
        try {
            return JsonbBuilder.create();
        } catch (RuntimeException | LinkageError e) {
            LOG.warning("No JSON-B provider: handlers can bind strings, numbers, booleans, maps and lists only (" + e + ")");
            return null;
        }
    }

    /** Writes records and POJOs in emitted data. */
    JsonFallback fallback() {
        return value -> jsonb().toJson(value);
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
            return jsonb().fromJson(JsonWriter.write(arg), type);
        } catch (JsonbException | JsonException | ClassCastException e) {
            throw new IllegalArgumentException("Argument cannot be bound to " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    private Object bindRaw(String json, Type type) {
        if (type == String.class) {
            if (!JsonScanner.isString(json)) {
                throw new IllegalArgumentException("expected a JSON string, got " + abbreviate(json));
            }
            return JsonScanner.readString(json, 0);
        }
        if (type == Object.class || type == Map.class || type == List.class) {
            Object v = JsonReader.parse(json);
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
        return jsonb().fromJson(json, type);
    }

    /** Arguments as plain Java values. */
    static List<Object> plain(List<Object> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (Object a : args) {
            out.add(a instanceof RawJson r ? JsonReader.parse(r.json()) : a);
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
