package dev.socketee.emitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * MessagePack of a {@link Values plain value tree}, byte for byte as notepack.io 3.x (the codec of
 * node's redis adapter and emitter) writes the same JavaScript value:
 * <ul>
 * <li>integers in the smallest format: positive fixint, uint8/16/32/64 when non-negative,
 *     negative fixint, int8/16/32/64 when negative; a double with an integral value counts as an
 *     integer (JavaScript has only one number type; {@code -0.0} is {@code 0x00});</li>
 * <li>other numbers, NaN and the infinities as float64 (notepack never writes float32);</li>
 * <li>strings as fixstr/str8/16/32 by their UTF-8 length, lists as fixarray/array16/32, maps as
 *     fixmap/map16/32 with string keys in iteration order, {@code byte[]} as bin8/16/32.</li>
 * </ul>
 * Two deliberate differences, on values notepack mangles: an integral double beyond the 64-bit
 * range is written as float64 (notepack wraps it modulo 2^64), and a lone surrogate in a string is
 * U+FFFD whatever the string's length (notepack writes garbage for strings of 32 UTF-16 units or
 * fewer).
 */
final class Msgpack {

    private static final double TWO_POW_63 = 0x1p63;
    private static final double TWO_POW_64 = 0x1p64;

    private Msgpack() {}

    static byte[] encode(Object plain) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            write(packer, plain);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
    }

    private static void write(MessagePacker out, Object value) throws IOException {
        if (value == null) {
            out.packNil();
        } else if (value instanceof String s) {
            byte[] utf8 = Utf8.encode(s);
            out.packRawStringHeader(utf8.length);
            out.writePayload(utf8);
        } else if (value instanceof Boolean b) {
            out.packBoolean(b);
        } else if (value instanceof Long l) {
            out.packLong(l);
        } else if (value instanceof Double d) {
            writeDouble(out, d);
        } else if (value instanceof BigInteger big) {
            writeBig(out, big);
        } else if (value instanceof byte[] bytes) {
            out.packBinaryHeader(bytes.length);
            out.writePayload(bytes);
        } else if (value instanceof List<?> list) {
            out.packArrayHeader(list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.packMapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
        }
    }

    private static void writeDouble(MessagePacker out, double d) throws IOException {
        boolean integral = !Double.isInfinite(d) && Math.floor(d) == d;
        if (integral && d >= -TWO_POW_63 && d < TWO_POW_63) {
            out.packLong((long) d);
        } else if (integral && d >= 0 && d < TWO_POW_64) {
            out.packBigInteger(new BigDecimal(d).toBigInteger()); // exact: valueOf would round
        } else {
            out.packDouble(d);
        }
    }

    private static void writeBig(MessagePacker out, BigInteger big) throws IOException {
        if (big.signum() > 0 && big.bitLength() <= Long.SIZE) {
            out.packBigInteger(big); // uint64
        } else {
            writeDouble(out, big.doubleValue()); // beyond 64 bits: what a JavaScript number holds
        }
    }
}
