package dev.socketee.emitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MessagePack of single values against what notepack.io 3.0.1 (the codec of node's redis adapter
 * and emitter) writes for the same JavaScript value. The expected bytes were produced with
 * {@code require("notepack.io/lib/encode.js")(value).toString("hex")} on node 20; the large ones are
 * kept as their length, first bytes and SHA-256.
 */
class MsgpackTest {

    private static String hex(Object javaValue) {
        return HexFormat.of().formatHex(Msgpack.encode(Values.plain(javaValue, "value")));
    }

    @Test
    void integersTakeTheSmallestFormatUnsignedWhenNonNegative() {
        assertEquals("00", hex(0));
        assertEquals("01", hex(1));
        assertEquals("7f", hex(127));
        assertEquals("cc80", hex(128));
        assertEquals("ccff", hex(255));
        assertEquals("cd0100", hex(256));
        assertEquals("cdffff", hex(65535));
        assertEquals("ce00010000", hex(65536));
        assertEquals("ceffffffff", hex(4294967295L));
        assertEquals("cf0000000100000000", hex(4294967296L));
        assertEquals("cf001fffffffffffff", hex(9007199254740991L));
        assertEquals("cf8000000000000000", hex(BigInteger.ONE.shiftLeft(63)));
        assertEquals("ff", hex(-1));
        assertEquals("e0", hex(-32));
        assertEquals("d0df", hex(-33));
        assertEquals("d080", hex(-128));
        assertEquals("d1ff7f", hex(-129));
        assertEquals("d18000", hex(-32768));
        assertEquals("d2ffff7fff", hex(-32769));
        assertEquals("d280000000", hex(-2147483648));
        assertEquals("d3ffffffff7fffffff", hex(-2147483649L));
        assertEquals("d3ffe0000000000001", hex(-9007199254740991L));
        assertEquals("d38000000000000000", hex(Long.MIN_VALUE));
    }

    @Test
    void everyIntegralJavaTypeIsAnInteger() {
        assertEquals("cc80", hex((short) 128));
        assertEquals("ff", hex((byte) -1));
        assertEquals("d0df", hex(new java.util.concurrent.atomic.AtomicInteger(-33)));
        assertEquals("ce00010000", hex(BigInteger.valueOf(65536)));
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
        assertEquals("cb3fb999999999999a", hex(new java.math.BigDecimal("0.1")));
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
        assertEquals("bf" + "78".repeat(31), hex("x".repeat(31)));
        assertEquals("d920" + "78".repeat(32), hex("x".repeat(32)));
        assertEquals("d921" + "78".repeat(33), hex("x".repeat(33)));
        assertEquals("d9ff" + "78".repeat(255), hex("x".repeat(255)));
        assertEquals("da0100" + "78".repeat(256), hex("x".repeat(256)));
        assertEquals("a2c3a9", hex("é"));
        assertEquals("a3e282ac", hex("€"));
        assertEquals("a4f09f9880", hex("😀"));
        assertEquals("d928" + "c3a9".repeat(20), hex("é".repeat(20)));
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
        assertEquals("9f000102030405060708090a0b0c0d0e", hex(range(15)));
        assertEquals("dc0010000102030405060708090a0b0c0d0e0f", hex(range(16)));
        assertLarge(Collections.nCopies(65535, 1), 65538, "dcffff0101010101", "932556b2758cebfae9e5d4fb55019df50417c8aab5b391b02e3eadd3f6f70424");
        assertLarge(Collections.nCopies(65536, 1), 65541, "dd00010000010101", "5737b3676a9f0eaf4a90a131e162236eb58de5c6c12e2821d6b3730c36f015b0");
    }

    @Test
    void mapsBySizeKeysInIterationOrder() {
        assertEquals("8fa26b3000a26b3101a26b3202a26b3303a26b3404a26b3505a26b3606a26b3707a26b3808a26b3909"
                + "a36b31300aa36b31310ba36b31320ca36b31330da36b31340e", hex(keyed(15)));
        assertEquals("de0010a26b3000a26b3101a26b3202a26b3303a26b3404a26b3505a26b3606a26b3707a26b3808a26b3909"
                + "a36b31300aa36b31310ba36b31320ca36b31330da36b31340ea36b31350f", hex(keyed(16)));
        assertLarge(keyed(65536), 643871, "df00010000a26b30", "7b47e6141929074cb2dc832d23b64c6fffd8077f7204e179aee536fb0441af43");
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(i);
        return list;
    }

    /** {k0: 0, k1: 1, ...}, as Object.fromEntries builds it. */
    private static Map<String, Object> keyed(int n) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) map.put("k" + i, i);
        return map;
    }

    private static void assertLarge(byte[] bytes, int fill, int length, String head, String sha256) {
        Arrays.fill(bytes, (byte) fill);
        assertLarge(bytes, length, head, sha256);
    }

    private static void assertLarge(Object value, int length, String head, String sha256) {
        byte[] encoded = Msgpack.encode(Values.plain(value, "value"));
        assertEquals(length, encoded.length, "length");
        assertEquals(head, HexFormat.of().formatHex(encoded, 0, 8), "first bytes");
        assertEquals(sha256, sha256(encoded), "SHA-256");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
