package dev.socketee.redis.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * MessagePack of plain values, byte for byte as notepack.io 3.x (the codec of node's redis adapter
 * and emitter) writes the same JavaScript value:
 * <ul>
 * <li>integers in the smallest format: positive fixint, uint8/16/32/64 when non-negative,
 *     negative fixint, int8/16/32/64 when negative; any number with an integral value counts as
 *     an integer, whatever its Java type (JavaScript has one number type: {@code 3.0} is
 *     {@code 0x03}, {@code -0.0} is {@code 0x00});</li>
 * <li>other numbers, NaN and the infinities as float64 (notepack never writes float32);</li>
 * <li>strings as fixstr/str8/16/32 by their UTF-8 length; Map as fixmap/map16/32 with its keys as
 *     strings in iteration order; List, any Collection and Object[] as fixarray/array16/32;
 *     {@code byte[]} and ByteBuffer (its remaining bytes) as bin8/16/32; Boolean; null as nil.</li>
 * </ul>
 * Two deliberate differences, on values notepack mangles: an integral number beyond the 64-bit
 * range is written as float64 (notepack wraps it modulo 2^64), and a lone surrogate in a string is
 * U+FFFD whatever the string's length (notepack writes garbage for strings of 32 UTF-16 units or
 * fewer). Anything else is refused with an {@link IllegalArgumentException}, as is nesting deeper
 * than {@link WireLimits#MAX_DEPTH}.
 */
public final class MsgpackEncoder {

    private static final double TWO_POW_63 = 0x1p63;
    private static final double TWO_POW_64 = 0x1p64;

    private MsgpackEncoder() {}

    public static byte[] encode(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            write(packer, value, 0);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
    }

    private static void write(MessagePacker out, Object value, int depth) throws IOException {
        if (depth > WireLimits.MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + WireLimits.MAX_DEPTH);
        }
        if (value == null) {
            out.packNil();
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.packBoolean(b);
        } else if (value instanceof Number n) {
            writeNumber(out, n);
        } else if (value instanceof byte[] bytes) {
            out.packBinaryHeader(bytes.length);
            out.writePayload(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes); // the caller's position stays where it was
            out.packBinaryHeader(bytes.length);
            out.writePayload(bytes);
        } else if (value instanceof Map<?, ?> map) {
            out.packMapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeString(out, String.valueOf(entry.getKey()));
                write(out, entry.getValue(), depth + 1);
            }
        } else if (value instanceof Collection<?> list) {
            out.packArrayHeader(list.size());
            for (Object element : list) {
                write(out, element, depth + 1);
            }
        } else if (value instanceof Object[] array) {
            out.packArrayHeader(array.length);
            for (Object element : array) {
                write(out, element, depth + 1);
            }
        } else if (value instanceof Character c) {
            writeString(out, c.toString());
        } else {
            throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
        }
    }

    private static void writeString(MessagePacker out, String s) throws IOException {
        byte[] utf8 = Utf8.encode(s);
        out.packRawStringHeader(utf8.length);
        out.writePayload(utf8);
    }

    private static void writeNumber(MessagePacker out, Number n) throws IOException {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong) {
            out.packLong(n.longValue()); // msgpack-core picks the smallest format, as notepack
        } else if (n instanceof BigInteger big) {
            writeBig(out, big);
        } else {
            writeDouble(out, n.doubleValue()); // Float, Double, BigDecimal: what a JavaScript number holds
        }
    }

    private static void writeDouble(MessagePacker out, double d) throws IOException {
        boolean integral = !Double.isInfinite(d) && Math.floor(d) == d;
        if (integral && d >= -TWO_POW_63 && d < TWO_POW_63) {
            out.packLong((long) d);
        } else if (integral && d >= 0 && d < TWO_POW_64) {
            out.packBigInteger(new BigDecimal(d).toBigInteger()); // uint64, exact: valueOf would round
        } else {
            out.packDouble(d);
        }
    }

    private static void writeBig(MessagePacker out, BigInteger big) throws IOException {
        if (big.bitLength() < Long.SIZE) {
            out.packLong(big.longValue());
        } else if (big.signum() > 0 && big.bitLength() == Long.SIZE) {
            out.packBigInteger(big); // uint64
        } else {
            writeDouble(out, big.doubleValue()); // beyond 64 bits: what a JavaScript number holds
        }
    }
}
