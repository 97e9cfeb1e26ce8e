package dev.socketee.redis;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * MessagePack as notepack.io (the codec of @socket.io/redis-adapter) writes and reads it, over
 * plain values: Map (string keys, insertion order) as a map, List/Collection/Object[] as an
 * array, byte[]/ByteBuffer as bin, String as the shortest str, an integral number (an integral
 * Double too: JavaScript has one number type) as the smallest int, any other number as float64,
 * Boolean, null as nil.
 *
 * <p>Decoding gives LinkedHashMap (non-string keys as their text), ArrayList, byte[] for bin,
 * Integer or Long (Double past a long), Double for float32/64, String, Boolean, null; notepack's
 * legacy ext 0 encodings are null (undefined), Long epoch milliseconds (Date) or bytes
 * (ArrayBuffer), a timestamp ext is Long epoch milliseconds, any other ext its payload bytes. Nesting is bounded by {@link #MAX_DEPTH}.
 */
final class Msgpack {

    static final int MAX_DEPTH = 64;
    private static final double TWO_POW_63 = 0x1p63;

    private Msgpack() {
    }

    static byte[] encode(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            pack(packer, value, 0);
            return packer.toByteArray();
        } catch (IOException e) { // a buffer packer does no I/O
            throw new IllegalStateException(e);
        }
    }

    private static void pack(MessageBufferPacker p, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        }
        if (v == null) {
            p.packNil();
        } else if (v instanceof String s) {
            p.packString(s);
        } else if (v instanceof Boolean b) {
            p.packBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            p.packLong(((Number) v).longValue());
        } else if (v instanceof Number n) {
            packNumber(p, n);
        } else if (v instanceof byte[] bytes) {
            p.packBinaryHeader(bytes.length);
            p.writePayload(bytes);
        } else if (v instanceof ByteBuffer buffer) {
            ByteBuffer b = buffer.duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            p.packBinaryHeader(bytes.length);
            p.writePayload(bytes);
        } else if (v instanceof Map<?, ?> map) {
            p.packMapHeader(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                p.packString(String.valueOf(e.getKey()));
                pack(p, e.getValue(), depth + 1);
            }
        } else if (v instanceof Collection<?> list) {
            p.packArrayHeader(list.size());
            for (Object item : list) {
                pack(p, item, depth + 1);
            }
        } else if (v instanceof Object[] array) {
            p.packArrayHeader(array.length);
            for (Object item : array) {
                pack(p, item, depth + 1);
            }
        } else if (v instanceof Character c) {
            p.packString(c.toString());
        } else {
            throw new IllegalArgumentException("not a plain value: " + v.getClass().getName());
        }
    }

    /** notepack looks at the value, not the type: 3.0 is the int 3, 2^64 and 0.5 are float64. */
    private static void packNumber(MessageBufferPacker p, Number n) throws IOException {
        if (n instanceof BigInteger big && big.bitLength() <= 63) {
            p.packLong(big.longValue());
            return;
        }
        double d = n instanceof BigDecimal dec ? dec.doubleValue() : n.doubleValue();
        if (Double.isFinite(d) && Math.floor(d) == d && Math.abs(d) < TWO_POW_63) {
            p.packLong((long) d);
        } else {
            p.packDouble(d);
        }
    }

    /**
     * @throws MalformedMessageException if {@code bytes} is not exactly one MessagePack value
     */
    static Object decode(byte[] bytes) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            Object value = unpack(u, 0);
            if (u.hasNext()) {
                throw new MalformedMessageException("bytes after the MessagePack value");
            }
            return value;
        } catch (MessagePackException | IOException e) {
            throw new MalformedMessageException("not MessagePack: " + e.getMessage());
        }
    }

    private static Object unpack(MessageUnpacker u, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new MalformedMessageException("nested deeper than " + MAX_DEPTH);
        }
        MessageFormat format = u.getNextFormat();
        ValueType type = format.getValueType();
        switch (type) {
            case NIL:
                u.unpackNil();
                return null;
            case BOOLEAN:
                return u.unpackBoolean();
            case INTEGER:
                if (format == MessageFormat.UINT64) {
                    BigInteger big = u.unpackBigInteger();
                    return big.bitLength() <= 63 ? narrow(big.longValue()) : (Object) big.doubleValue();
                }
                return narrow(u.unpackLong());
            case FLOAT:
                return u.unpackDouble();
            case STRING:
                return u.unpackString();
            case BINARY:
                return u.readPayload(u.unpackBinaryHeader());
            case ARRAY: {
                int n = u.unpackArrayHeader();
                List<Object> list = new ArrayList<>(Math.min(n, 1024)); // a header may lie about its size
                for (int i = 0; i < n; i++) {
                    list.add(unpack(u, depth + 1));
                }
                return list;
            }
            case MAP: {
                int n = u.unpackMapHeader();
                Map<String, Object> map = new LinkedHashMap<>(Math.min(n, 1024) * 2);
                for (int i = 0; i < n; i++) {
                    Object key = unpack(u, depth + 1);
                    map.put(String.valueOf(key), unpack(u, depth + 1));
                }
                return map;
            }
            case EXTENSION: {
                var header = u.unpackExtensionTypeHeader();
                byte[] payload = u.readPayload(header.getLength());
                if (header.getType() == 0) { // notepack's legacy encodings: undefined, Date, ArrayBuffer
                    if (format == MessageFormat.FIXEXT1) {
                        return null;
                    }
                    if (format == MessageFormat.FIXEXT8) {
                        ByteBuffer b = ByteBuffer.wrap(payload);
                        return (long) b.getInt() * 0x100000000L + (b.getInt() & 0xffffffffL);
                    }
                    return payload;
                }
                if (header.isTimestampType()) {
                    return timestampMillis(payload);
                }
                return payload;
            }
            default:
                throw new MalformedMessageException("unknown MessagePack format " + format);
        }
    }

    private static Object narrow(long v) {
        return v == (int) v ? (Object) (int) v : (Object) v;
    }

    /** The msgpack timestamp ext (notepack's Date) as epoch milliseconds. */
    private static long timestampMillis(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p);
        switch (p.length) {
            case 4:
                return (b.getInt() & 0xffffffffL) * 1000;
            case 8: {
                long v = b.getLong();
                long nanos = v >>> 34;
                long seconds = v & 0x3ffffffffL;
                return seconds * 1000 + nanos / 1_000_000;
            }
            case 12: {
                long nanos = b.getInt() & 0xffffffffL;
                long seconds = b.getLong();
                return seconds * 1000 + nanos / 1_000_000;
            }
            default:
                throw new MalformedMessageException("a timestamp of " + p.length + " bytes");
        }
    }
}
