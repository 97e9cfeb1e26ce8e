package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The MessagePack of single values against what notepack.io 3.0.1 (the codec of node's redis adapter
 * and emitter) writes for the same JavaScript value. The expected bytes were produced with
 * {@code require("notepack.io/lib/encode.js")(value).toString("hex")} on node 20; the large ones are
 * kept as their length, first bytes and SHA-256.
 */
class MsgpackEncoderTest {

    /** Every integer format's edges: {value, notepack's bytes}. */
    private static final Object[][] INTEGERS = {
        {0L, "00"}, {1L, "01"}, {127L, "7f"}, {128L, "cc80"}, {255L, "ccff"}, {256L, "cd0100"}, {65535L, "cdffff"},
        {65536L, "ce00010000"}, {4294967295L, "ceffffffff"}, {4294967296L, "cf0000000100000000"},
        {9007199254740991L, "cf001fffffffffffff"},
        {-1L, "ff"}, {-32L, "e0"}, {-33L, "d0df"}, {-128L, "d080"}, {-129L, "d1ff7f"}, {-32768L, "d18000"},
        {-32769L, "d2ffff7fff"}, {-2147483648L, "d280000000"}, {-2147483649L, "d3ffffffff7fffffff"},
        {-9007199254740991L, "d3ffe0000000000001"}, {Long.MIN_VALUE, "d38000000000000000"},
    };

    static String hex(Object value) {
        return HexFormat.of().formatHex(MsgpackEncoder.encode(value));
    }

    @Test
    void integersTakeTheSmallestFormatUnsignedWhenNonNegative() {
        for (Object[] row : INTEGERS) {
            assertEquals(row[1], hex(row[0]), "Long " + row[0]); // what the emitter's arguments become
        }
        assertEquals("cf8000000000000000", hex(BigInteger.ONE.shiftLeft(63)));
    }

    @Test
    void integersTakeTheSmallestFormat() {
        for (Object[] row : INTEGERS) {
            long v = (Long) row[0];
            if (v == (int) v) {
                assertEquals(row[1], hex((int) v), "Integer " + v); // what the decoders give the adapter
            }
        }
    }

    @Test
    void everyIntegralJavaTypeIsAnInteger() {
        assertEquals("cc80", hex((short) 128));
        assertEquals("ff", hex((byte) -1));
        assertEquals("d0df", hex(new AtomicInteger(-33)));
        assertEquals("ce00010000", hex(BigInteger.valueOf(65536)));
    }

    @Test
    void aNumberIsAnIntWhenItsValueIsIntegralAsInJavaScript() {
        assertEquals("03", hex(3.0));
        assertEquals("cd012c", hex(300.0f));
    }

    @Test
    void integralDoublesAreIntegersAsInJavaScript() {
        assertEquals("cc80", hex(128.0));
        assertEquals("00", hex(-0.0)); // notepack: -0 >= 0, a positive fixint
        assertEquals("d2ffff7fff", hex(-32769.0f));
        assertEquals("cf8000000000000000", hex(0x1p63));
        assertEquals("d38000000000000000", hex(-0x1p63));
        assertEquals("cffffffffffffff800", hex(0x1p64 - 2048)); // 18446744073709549568, exactly
    }

    @Test
    void otherNumbersAreFloat64() {
        assertEquals("cb3ff8000000000000", hex(1.5));
        assertEquals("cb3ff8000000000000", hex(1.5f));
        assertEquals("cb3fb999999999999a", hex(0.1));
        assertEquals("cb3fb999999999999a", hex(new BigDecimal("0.1")));
        assertEquals("cb7ff8000000000000", hex(Double.NaN));
        assertEquals("cb7ff0000000000000", hex(Double.POSITIVE_INFINITY));
        assertEquals("cbfff0000000000000", hex(Double.NEGATIVE_INFINITY));
    }

    @Test
    void integralDoublesBeyond64BitsStayFloat64WhereNotepackWrapsThem() {
        // notepack writes 1e300 as cf0000000000000000 (its uint64 path wraps modulo 2^64): a zero
        assertEquals("cb7e37e43c8800759c", hex(1e300));
        assertEquals("cb43f0000000000000", hex(BigInteger.ONE.shiftLeft(64)));
    }

    @Test
    void stringsByUtf8Length() {
        assertEquals("a0", hex(""));
        assertEquals("a161", hex("a"));
        assertEquals("a3616263", hex("abc"));
        assertEquals("bf" + "78".repeat(31), hex("x".repeat(31)));
        assertEquals("d920" + "78".repeat(32), hex("x".repeat(32)));
        assertEquals("d921" + "78".repeat(33), hex("x".repeat(33)));
        assertEquals("d9ff" + "78".repeat(255), hex("x".repeat(255)));
        assertEquals("da0100" + "78".repeat(256), hex("x".repeat(256)));
        assertEquals("a2c3a9", hex("é"));
        assertEquals("a3e282ac", hex("€"));
        assertEquals("a4f09f9880", hex("😀"));
        assertEquals("d928" + "c3a9".repeat(20), hex("é".repeat(20)));
        assertEquals("a178", hex('x'));
    }

    @Test
    void aLoneSurrogateIsTheReplacementCharacterAsInNodesBuffer() {
        assertEquals("d92c" + "61".repeat(40) + "efbfbd62", hex("a".repeat(40) + "\ud800b"));
    }

    @Test
    void nilBooleansAndTheirPlaceInContainers() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("", "");
        map.put("é", List.of(List.of()));
        assertEquals("95c3c2c082a0a0a2c3a9919080", hex(Arrays.asList(true, false, null, map, Map.of())));
    }

    @Test
    void stringsBinariesArraysAndMaps() {
        assertEquals("d920" + "61".repeat(32), hex("a".repeat(32)));
        assertEquals("da0100" + "61".repeat(256), hex("a".repeat(256)));
        assertEquals("c403010203", hex(new byte[] {1, 2, 3}));
        assertEquals("c50100" + "00".repeat(256), hex(new byte[256]));
        assertEquals("c402090a", hex(ByteBuffer.wrap(new byte[] {8, 9, 10}, 1, 2)));
        assertEquals("dc0010" + "00".repeat(16), hex(new ArrayList<>(Collections.nCopies(16, 0))));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", true);
        m.put("a", null);
        m.put("c", false);
        assertEquals("83a162c3a161c0a163c2", hex(m)); // insertion order, null kept as nil (only undefined is dropped)
        assertEquals("92a178c0", hex(new Object[] {"x", null}));
    }

    @Test
    void binaryAsBin() {
        assertEquals("c400", hex(new byte[0]));
        assertLarge(new byte[255], 7, 257, "c4ff070707070707", "c3b751d96cf3aa93baf073e35ba9e714468eef1e7828844a3481d13876a414ee");
        assertLarge(new byte[256], 7, 259, "c501000707070707", "c8f7e417457b94015b1afdcd8ada19daaa01b6aadfc5108aa7618f1aef9f0eab");
        assertLarge(new byte[65535], 9, 65538, "c5ffff0909090909", "787fb22d87a0cdb6d45765b9c4165d44d2b17a06e492aca6e2d29e6dec4806bb");
        assertLarge(new byte[65536], 9, 65541, "c600010000090909", "7556d56187cc0e5e618cc5714d0eb2a3ad5dd58d3ea803cc1cc2a1afbb8a8d87");
    }

    @Test
    void largeStrings() {
        assertLarge("y".repeat(65535), 65538, "daffff7979797979", "11bad8c38a26a41acc3303d1e5bf7c0163db93765e9645ac6e3f4d4bde600690");
        assertLarge("y".repeat(65536), 65541, "db00010000797979", "b10744dd58cf928514df69b6c4b553d7e23e5269058e02f1013eb414eeb8d344");
    }

    @Test
    void arraysByLength() {
        assertEquals("90", hex(List.of()));
        assertEquals("9f000102030405060708090a0b0c0d0e", hex(range(15)));
        assertEquals("dc0010000102030405060708090a0b0c0d0e0f", hex(range(16)));
        assertLarge(Collections.nCopies(65535, 1), 65538, "dcffff0101010101", "932556b2758cebfae9e5d4fb55019df50417c8aab5b391b02e3eadd3f6f70424");
        assertLarge(Collections.nCopies(65536, 1), 65541, "dd00010000010101", "5737b3676a9f0eaf4a90a131e162236eb58de5c6c12e2821d6b3730c36f015b0");
    }

    @Test
    void mapsBySizeKeysInIterationOrder() {
        assertEquals("80", hex(Map.of()));
        assertEquals("8fa26b3000a26b3101a26b3202a26b3303a26b3404a26b3505a26b3606a26b3707a26b3808a26b3909"
                + "a36b31300aa36b31310ba36b31320ca36b31330da36b31340e", hex(keyed(15)));
        assertEquals("de0010a26b3000a26b3101a26b3202a26b3303a26b3404a26b3505a26b3606a26b3707a26b3808a26b3909"
                + "a36b31300aa36b31310ba36b31320ca36b31330da36b31340ea36b31350f", hex(keyed(16)));
        assertLarge(keyed(65536), 643871, "df00010000a26b30", "7b47e6141929074cb2dc832d23b64c6fffd8077f7204e179aee536fb0441af43");
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MsgpackEncoder.encode(new Object()));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MsgpackEncoder.encode(cyclic));
        assertEquals("nested deeper than " + WireLimits.MAX_DEPTH, e.getMessage());
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    /** {k0: 0, k1: 1, ...}, as Object.fromEntries builds it. */
    private static Map<String, Object> keyed(int n) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put("k" + i, i);
        }
        return map;
    }

    private static void assertLarge(byte[] bytes, int fill, int length, String head, String sha256) {
        Arrays.fill(bytes, (byte) fill);
        assertLarge(bytes, length, head, sha256);
    }

    private static void assertLarge(Object value, int length, String head, String sha256) {
        byte[] encoded = MsgpackEncoder.encode(value);
        assertEquals(length, encoded.length, "length");
        assertEquals(head, HexFormat.of().formatHex(encoded, 0, 8), "first bytes");
        assertEquals(sha256, sha256(encoded), "SHA-256");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
