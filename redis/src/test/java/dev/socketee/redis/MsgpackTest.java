package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes notepack.io writes (its encode.js, value by value) and what decoding gives back. */
class MsgpackTest {

    static String hex(Object value) {
        return HexFormat.of().formatHex(Msgpack.encode(value));
    }

    static Object decode(String hex) {
        return Msgpack.decode(HexFormat.of().parseHex(hex));
    }

    @Test
    void integersTakeTheSmallestFormat() {
        assertEquals("00", hex(0));
        assertEquals("7f", hex(127));
        assertEquals("cc80", hex(128));
        assertEquals("ccff", hex(255));
        assertEquals("cd0100", hex(256));
        assertEquals("cdffff", hex(65535));
        assertEquals("ce00010000", hex(65536));
        assertEquals("ceffffffff", hex(4294967295L));
        assertEquals("cf0000000100000000", hex(4294967296L));
        assertEquals("ff", hex(-1));
        assertEquals("e0", hex(-32));
        assertEquals("d0df", hex(-33));
        assertEquals("d080", hex(-128));
        assertEquals("d1ff7f", hex(-129));
        assertEquals("d18000", hex(-32768));
        assertEquals("d2ffff7fff", hex(-32769));
        assertEquals("d280000000", hex(-2147483648L));
        assertEquals("d3ffffffff7fffffff", hex(-2147483649L));
    }

    @Test
    void aNumberIsAnIntWhenItsValueIsIntegralAsInJavaScript() {
        assertEquals("03", hex(3.0));
        assertEquals("00", hex(-0.0));
        assertEquals("cd012c", hex(300.0f));
        assertEquals("cb3ff8000000000000", hex(1.5));
        assertEquals("cb7ff8000000000000", hex(Double.NaN));
        assertEquals("cb7ff0000000000000", hex(Double.POSITIVE_INFINITY));
        assertEquals("cb3fb999999999999a", hex(new java.math.BigDecimal("0.1")));
        assertEquals("cf8000000000000000".length(), hex(new java.math.BigInteger("9223372036854775808")).length());
    }

    @Test
    void stringsBinariesArraysAndMaps() {
        assertEquals("a0", hex(""));
        assertEquals("a3616263", hex("abc"));
        assertEquals("a2c3a9", hex("é"));
        assertEquals("a4f09f9880", hex("😀"));
        assertEquals("d920" + "61".repeat(32), hex("a".repeat(32)));
        assertEquals("da0100" + "61".repeat(256), hex("a".repeat(256)));
        assertEquals("c403010203", hex(new byte[] {1, 2, 3}));
        assertEquals("c50100" + "00".repeat(256), hex(new byte[256]));
        assertEquals("c402090a", hex(java.nio.ByteBuffer.wrap(new byte[] {8, 9, 10}, 1, 2)));
        assertEquals("90", hex(List.of()));
        assertEquals("dc0010" + "00".repeat(16), hex(new ArrayList<>(java.util.Collections.nCopies(16, 0))));
        assertEquals("80", hex(Map.of()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", true);
        m.put("a", null);
        m.put("c", false);
        assertEquals("83a162c3a161c0a163c2", hex(m)); // insertion order, null kept as nil (only undefined is dropped)
        assertEquals("92a178c0", hex(new Object[] {"x", null}));
    }

    @Test
    void decodingGivesPlainValues() {
        assertEquals(List.of(1, -1, 300, 4294967296L, 1.5, "abc", true), decode("9701ffcd012ccf0000000100000000cb3ff8000000000000a3616263c3"));
        Object map = decode("82a16101a162c403010203");
        assertEquals(LinkedHashMap.class, map.getClass());
        assertEquals(1, ((Map<?, ?>) map).get("a"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ((Map<?, ?>) map).get("b"));
        assertEquals(1.5, decode("ca3fc00000"));
        assertEquals(1.8446744073709552E19, decode("cfffffffffffffffff"), "past a long: a double, as JavaScript's number");
        assertEquals(Map.of("1", "x"), decode("8101a178"), "a key that is not a string: its text");
    }

    @Test
    void notepacksExtensions() {
        assertNull(decode("d40000"), "undefined");
        assertEquals(1000L, decode("d6ff00000001"), "timestamp 32: seconds");
        assertEquals(1500L, decode("d7ff" + "77359400" + "00000001"), "timestamp 64: 500 ms as nanoseconds << 34 | 1 s");
        assertEquals(-1000L, decode("d700" + "ffffffff" + "fffffc18"), "notepack's old Date: ms as int32 hi, uint32 lo");
        assertArrayEquals(new byte[] {5}, (byte[]) decode("d40505"), "another ext: its payload");
    }

    @Test
    void malformedInputIsRefused() {
        assertThrows(MalformedMessageException.class, () -> decode(""));
        assertThrows(MalformedMessageException.class, () -> decode("93a1"), "truncated");
        assertThrows(MalformedMessageException.class, () -> decode("dd7fffffff"), "an array header that lies");
        assertThrows(MalformedMessageException.class, () -> decode("0101"), "two values");
        assertThrows(MalformedMessageException.class, () -> decode("c1"), "the never-used byte");
        assertThrows(MalformedMessageException.class, () -> decode("91".repeat(100) + "00"), "too deep");
        assertThrows(IllegalArgumentException.class, () -> Msgpack.encode(new Object()));
    }
}
