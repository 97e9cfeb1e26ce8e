package dev.socketee.redis.wire;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads MessagePack as notepack.io does, into plain values: LinkedHashMap (a key that is not a
 * string as its text), ArrayList, {@code byte[]} for bin, Integer or Long (Double past a long, as
 * JavaScript's number), Double for float32/64, String, Boolean, null. notepack's legacy ext 0
 * encodings are null (undefined), Long epoch milliseconds (Date) or bytes (ArrayBuffer); the
 * timestamp ext is Long epoch milliseconds; any other ext is its payload bytes. Nesting is bounded
 * by {@link WireLimits#MAX_DEPTH}.
 */
public final class MsgpackDecoder {

    private MsgpackDecoder() {}

    /** @throws MalformedMessageException if {@code bytes} is not exactly one MessagePack value */
    public static Object decode(byte[] bytes) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            Object value = read(u, 0);
            if (u.hasNext()) {
                throw new MalformedMessageException("bytes after the MessagePack value");
            }
            return value;
        } catch (MessagePackException | IOException e) {
            throw new MalformedMessageException("not MessagePack: " + e.getMessage());
        }
    }

    private static Object read(MessageUnpacker u, int depth) throws IOException {
        if (depth > WireLimits.MAX_DEPTH) {
            throw new MalformedMessageException("nested deeper than " + WireLimits.MAX_DEPTH);
        }
        MessageFormat format = u.getNextFormat();
        switch (format.getValueType()) {
            case NIL:
                u.unpackNil();
                return null;
            case BOOLEAN:
                return u.unpackBoolean();
            case INTEGER:
                if (format == MessageFormat.UINT64) {
                    BigInteger big = u.unpackBigInteger();
                    return big.bitLength() < Long.SIZE ? narrow(big.longValue()) : (Object) big.doubleValue();
                }
                return narrow(u.unpackLong());
            case FLOAT:
                return u.unpackDouble();
            case STRING:
                return u.unpackString();
            case BINARY:
                return u.readPayload(u.unpackBinaryHeader());
            case ARRAY:
                return array(u, depth);
            case MAP:
                return map(u, depth);
            case EXTENSION:
                return extension(u, format);
            default:
                throw new MalformedMessageException("unknown MessagePack format " + format);
        }
    }

    private static List<Object> array(MessageUnpacker u, int depth) throws IOException {
        int n = u.unpackArrayHeader();
        List<Object> list = new ArrayList<>(Math.min(n, 1024)); // a header may lie about its size
        for (int i = 0; i < n; i++) {
            list.add(read(u, depth + 1));
        }
        return list;
    }

    private static Map<String, Object> map(MessageUnpacker u, int depth) throws IOException {
        int n = u.unpackMapHeader();
        Map<String, Object> map = new LinkedHashMap<>(Math.min(n, 1024) * 2);
        for (int i = 0; i < n; i++) {
            Object key = read(u, depth + 1);
            map.put(String.valueOf(key), read(u, depth + 1));
        }
        return map;
    }

    private static Object extension(MessageUnpacker u, MessageFormat format) throws IOException {
        ExtensionTypeHeader header = u.unpackExtensionTypeHeader();
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
        return header.isTimestampType() ? timestampMillis(payload) : payload;
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
