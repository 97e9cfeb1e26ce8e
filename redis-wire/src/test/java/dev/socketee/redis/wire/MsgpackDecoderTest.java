package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What decoding notepack.io's bytes gives back, and what it refuses. */
class MsgpackDecoderTest {

    static Object decode(String hex) {
        return MsgpackDecoder.decode(HexFormat.of().parseHex(hex));
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
    }

    @Test
    void whatTheEncoderWritesReadsBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nested", List.of(List.of(List.of()), Map.of("k", -33)));
        m.put("s", "é€😀");
        m.put("n", null);
        assertEquals(m, MsgpackDecoder.decode(MsgpackEncoder.encode(m)));
        List<Object> deepest = List.of();
        for (int i = 0; i < WireLimits.MAX_DEPTH; i++) {
            deepest = List.of(deepest);
        }
        assertEquals(deepest, MsgpackDecoder.decode(MsgpackEncoder.encode(deepest)), "as deep as one may write, one may read");
    }
}
