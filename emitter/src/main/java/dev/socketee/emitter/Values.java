package dev.socketee.emitter;

import dev.socketee.redis.wire.JsonWriter;
import dev.socketee.redis.wire.MsgpackEncoder;
import dev.socketee.redis.wire.WireLimits;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the arguments a caller hands to {@code emit} into the plain value tree both encoders
 * ({@link MsgpackEncoder}, {@link JsonWriter}) understand, and refuses everything else up front, in the
 * caller's thread, before anything is published.
 *
 * <p>The tree holds only: {@code null}, {@link Boolean}, {@link String}, {@code byte[]}, {@link Long}
 * (every integral type that fits), {@link BigInteger} (beyond 64 bits signed), {@link Double} (every
 * other {@link Number}, as JavaScript would see it), {@code List<Object>} and
 * {@code LinkedHashMap<String, Object>} (iteration order kept).
 *
 * <p>Accepted on the way in, besides those: any {@link Collection} and array (a {@code byte[]} stays
 * binary, other arrays become lists), {@code Map<String, ?>}, records (a map of their components by
 * name, in declaration order) and enums (their {@link Enum#name()}).
 */
final class Values {

    /**
     * The wire's nesting bound less the three levels a broadcast puts around an argument
     * ({@code [uid, {data: [event, arg]}]}): deeper is refused here, with the argument's path, rather
     * than by the encoder without it (a Socketee node would drop the message as malformed anyway).
     * A cycle ends here too: node's JSON.stringify fails on those as well.
     */
    static final int MAX_DEPTH = WireLimits.MAX_DEPTH - 3;

    private static final String ALLOWED = "null, Boolean, Number, String, byte[], Map<String,?>, "
            + "Collection, arrays, records and enums";

    private Values() {}

    /** The plain value tree of {@code value}; {@code where} names it in error messages. */
    static Object plain(Object value, String where) {
        return plain(value, where, 0);
    }

    /** The event name followed by the arguments, as the {@code data} array of an EVENT packet. */
    static List<Object> eventData(String event, Object[] args) {
        List<Object> data = new ArrayList<>(args.length + 1);
        data.add(event);
        for (int i = 0; i < args.length; i++) {
            data.add(plain(args[i], "args[" + i + "]"));
        }
        return data;
    }

    private static Object plain(Object value, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("cannot encode " + where + ": nested deeper than " + MAX_DEPTH
                    + " levels (a cycle?)");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("cannot encode " + where + ": a map key of type "
                            + typeName(entry.getKey()) + " (map keys must be Strings)");
                }
                out.put(key, plain(entry.getValue(), where + "." + key, depth + 1));
            }
            return out;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>(collection.size());
            int i = 0;
            for (Object element : collection) {
                out.add(plain(element, where + "[" + i++ + "]", depth + 1));
            }
            return out;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(plain(Array.get(value, i), where + "[" + i + "]", depth + 1));
            }
            return out;
        }
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                String name = component.getName();
                out.put(name, plain(read(record, component.getAccessor()), where + "." + name, depth + 1));
            }
            return out;
        }
        throw new IllegalArgumentException("cannot encode " + where + " of type " + typeName(value)
                + "; allowed: " + ALLOWED);
    }

    /** Integral types stay exact; everything else is a double, as every number is in JavaScript. */
    private static Object number(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong) {
            return n.longValue();
        }
        if (n instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
        }
        return n.doubleValue();
    }

    private static Object read(Record record, Method accessor) {
        try {
            if (!accessor.canAccess(record)) {
                accessor.setAccessible(true); // a record nested privately in the caller's class
            }
            return accessor.invoke(record);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read record component " + record.getClass().getName() + "#"
                    + accessor.getName() + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("record component " + record.getClass().getName() + "#"
                    + accessor.getName() + " threw " + e.getCause(), e.getCause());
        }
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
