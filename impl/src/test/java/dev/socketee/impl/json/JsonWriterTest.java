package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

    enum Color { RED, GREEN { @Override public String toString() { return "custom"; } } }

    record Point(int x, int y) {
    }

    // ---- scalars ------------------------------------------------------------------------

    @Test
    void literalsAndIntegers() {
        assertEquals("null", JsonWriter.write(null));
        assertEquals("true", JsonWriter.write(true));
        assertEquals("false", JsonWriter.write(false));
        assertEquals("-42", JsonWriter.write(-42));
        assertEquals("-2147483648", JsonWriter.write(Integer.MIN_VALUE));
        assertEquals("9223372036854775807", JsonWriter.write(Long.MAX_VALUE));
        assertEquals("-9223372036854775808", JsonWriter.write(Long.MIN_VALUE));
        assertEquals("7", JsonWriter.write((short) 7));
        assertEquals("-8", JsonWriter.write((byte) -8));
        assertEquals("123456789012345678901234567890", JsonWriter.write(new BigInteger("123456789012345678901234567890")));
        assertEquals("1.50", JsonWriter.write(new BigDecimal("1.50")));
        assertEquals("1E+3", JsonWriter.write(new BigDecimal("1E+3")));
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1", "-0.0, 0", "0.0, 0", "-1.0, -1", "0.1, 0.1", "-2.5, -2.5", "100.0, 100",
        "1e5, 100000", "1.5E-3, 0.0015", "123456.789, 123456.789", "123456789.5, 123456789.5",
        "1e15, 1000000000000000", "9007199254740992.0, 9007199254740992",
        "1e20, 100000000000000000000", "1.2345e20, 123450000000000000000",
        "1e21, 1e+21", "1.5e21, 1.5e+21", "-1e21, -1e+21", "1e300, 1e+300",
        "1.7976931348623157E308, 1.7976931348623157e+308",
        "0.000001, 0.000001", "0.0000015, 0.0000015", "1e-7, 1e-7", "1.5e-7, 1.5e-7", "-1.25e-10, -1.25e-10",
        "0.001, 0.001", "12345678.9, 12345678.9",
    })
    void doublesAreWrittenLikeJavaScript(double value, String expected) {
        assertEquals(expected, JsonWriter.write(value));
    }

    @Test
    void nonFiniteDoublesAreNull() {
        assertEquals("null", JsonWriter.write(Double.NaN));
        assertEquals("null", JsonWriter.write(Double.POSITIVE_INFINITY));
        assertEquals("null", JsonWriter.write(Double.NEGATIVE_INFINITY));
        assertEquals("null", JsonWriter.write(Float.NaN));
        assertEquals("[null,1,null]", JsonWriter.write(new double[] {Double.NaN, 1, Double.NEGATIVE_INFINITY}));
    }

    @Test
    void floatsUseTheirOwnShortestDigits() {
        assertEquals("0.1", JsonWriter.write(0.1f));
        assertEquals("1.5", JsonWriter.write(1.5f));
        assertEquals("3", JsonWriter.write(3.0f));
        assertEquals("0", JsonWriter.write(-0.0f));
        assertEquals("1e+30", JsonWriter.write(1e30f));
        assertEquals("[0.25,-1]", JsonWriter.write(new float[] {0.25f, -1f}));
    }

    @Test
    void doublesRoundTripExactly() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String json = JsonWriter.write(d);
            assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(json), json);
            assertEquals(json.length(), JsonScanner.skipValue(json, 0), json);
        }
    }

    // ---- strings ------------------------------------------------------------------------

    @Test
    void stringsAreEscapedMinimally() {
        assertEquals("\"a\\\"b\\\\c\"", JsonWriter.write("a\"b\\c"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", JsonWriter.write("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u0001\\u001f\\u000b\"", JsonWriter.write("\u0000\u0001\u001f\u000b"));
        assertEquals("\"/ \u007f é 😀 \u2028\"", JsonWriter.write("/ \u007f é 😀 \u2028"));
        assertEquals("\"\"", JsonWriter.write(""));
        assertEquals("\"plain\"", JsonWriter.write("plain"));
    }

    @Test
    void loneSurrogatesAreEscapedAsJsonStringifyDoes() {
        // node's JSON.stringify (ES2019 "well-formed"): a pair stays as is, a lone half becomes a \\u escape,
        // which survives UTF-8 where the raw char would turn into U+FFFD
        assertEquals("\"\\ud800\"", JsonWriter.write("\ud800"));
        assertEquals("\"a\\udfffb\"", JsonWriter.write("a\udfffb"));
        assertEquals("\"\\udc00\\ud800\"", JsonWriter.write("\udc00\ud800"));
        assertEquals("\"\\ud83d\"", JsonWriter.write("\ud83d"));
        assertEquals("\"\ud83d\ude00\\ud83d\"", JsonWriter.write("\ud83d\ude00\ud83d"));
        assertEquals("\"x\\ud83dy\"", JsonWriter.write("x\ud83dy"));
        assertEquals("\"\\ud800\"", JsonWriter.write('\ud800'));
    }

    @Test
    void charSequencesAndCharacters() {
        assertEquals("\"sb\\n\"", JsonWriter.write(new StringBuilder("sb\n")));
        assertEquals("\"x\"", JsonWriter.write('x'));
        assertEquals("\"\\\"\"", JsonWriter.write('"'));
    }

    @Test
    void enumsAreWrittenByName() {
        assertEquals("\"RED\"", JsonWriter.write(Color.RED));
        assertEquals("\"GREEN\"", JsonWriter.write(Color.GREEN));
    }

    // ---- containers ---------------------------------------------------------------------

    @Test
    void mapsKeepIterationOrderAndStringifyKeys() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put(2, "two");
        map.put(null, null);
        map.put("q\"", List.of());
        assertEquals("{\"b\":1,\"2\":\"two\",\"null\":null,\"q\\\"\":[]}", JsonWriter.write(map));
        assertEquals("{}", JsonWriter.write(Map.of()));
    }

    @Test
    void iterablesAndArrays() {
        assertEquals("[1,\"a\",null,true]", JsonWriter.write(Arrays.asList(1, "a", null, true)));
        assertEquals("[3,1,2]", JsonWriter.write(new LinkedHashSet<>(List.of(3, 1, 2))));
        Iterable<String> custom = () -> List.of("x", "y").iterator();
        assertEquals("[\"x\",\"y\"]", JsonWriter.write(custom));
        assertEquals("[\"a\",[1,2],null]", JsonWriter.write(new Object[] {"a", new int[] {1, 2}, null}));
        assertEquals("[]", JsonWriter.write(List.of()));
        assertEquals("[]", JsonWriter.write(new Object[0]));
    }

    @Test
    void primitiveArrays() {
        assertEquals("[1,-2,3]", JsonWriter.write(new int[] {1, -2, 3}));
        assertEquals("[9223372036854775807]", JsonWriter.write(new long[] {Long.MAX_VALUE}));
        assertEquals("[1.5,2,0.1]", JsonWriter.write(new double[] {1.5, 2.0, 0.1}));
        assertEquals("[true,false]", JsonWriter.write(new boolean[] {true, false}));
        assertEquals("[5]", JsonWriter.write(new short[] {5}));
        assertEquals("[]", JsonWriter.write(new int[0]));
        assertEquals("[]", JsonWriter.write(new boolean[0]));
    }

    @Test
    void optionals() {
        assertEquals("null", JsonWriter.write(Optional.empty()));
        assertEquals("\"x\"", JsonWriter.write(Optional.of("x")));
        assertEquals("[null,[1]]", JsonWriter.write(List.of(Optional.empty(), Optional.of(List.of(1)))));
    }

    @Test
    void rawJsonIsWrittenVerbatim() {
        assertEquals("{ \"pre\" : [1, 2] }", JsonWriter.write(new RawJson("{ \"pre\" : [1, 2] }")));
        assertEquals("[null,\"s\",1e5]", JsonWriter.write(List.of(RawJson.NULL, new RawJson("\"s\""), new RawJson("1e5"))));
    }

    @Test
    void nestedStructure() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("list", List.of(1, 2.5, "s"));
        inner.put("flag", false);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", inner);
        outer.put("arr", new Object[] {Map.of()});
        assertEquals("{\"inner\":{\"list\":[1,2.5,\"s\"],\"flag\":false},\"arr\":[{}]}", JsonWriter.write(outer));
    }

    @Test
    void writeAppendsToBuilder() {
        StringBuilder sb = new StringBuilder("42");
        JsonWriter.write(sb, List.of("ev", 1));
        assertEquals("42[\"ev\",1]", sb.toString());
    }

    // ---- depth --------------------------------------------------------------------------

    @Test
    void nestingUpToMaxDepthIsWritten() {
        Object value = List.of();
        for (int i = 1; i < 64; i++) {
            value = List.of(value);
        }
        assertEquals(MalformedJson.nestedArrays(64), JsonWriter.write(value));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(List.of(deepList(64))));
    }

    @Test
    void cyclesFailWithIllegalArgumentException() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("self", map);
        Object[] array = new Object[1];
        array[0] = array;
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(list));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(map));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(array));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.containsBinary(list));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.containsBinary(map));
    }

    private static Object deepList(int depth) {
        Object value = List.of();
        for (int i = 1; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    // ---- binary -------------------------------------------------------------------------

    @Test
    void binaryBecomesNumberedPlaceholders() {
        byte[] first = {1, 2};
        byte[] second = {3};
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("buf", buffer);
        map.put("bytes", second);
        List<byte[]> attachments = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, List.of("upload", first, map), attachments);
        assertEquals("[\"upload\",{\"_placeholder\":true,\"num\":0},"
                + "{\"buf\":{\"_placeholder\":true,\"num\":1},\"bytes\":{\"_placeholder\":true,\"num\":2}}]",
                out.toString());
        assertEquals(3, attachments.size());
        assertArrayEquals(first, attachments.get(0));
        assertArrayEquals(new byte[] {9, 8, 7, 6}, attachments.get(1));
        assertArrayEquals(second, attachments.get(2));
    }

    @Test
    void placeholderNumberIsIndexInExistingAttachments() {
        List<byte[]> attachments = new ArrayList<>();
        attachments.add(new byte[0]);
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, new byte[] {5}, attachments);
        assertEquals("{\"_placeholder\":true,\"num\":1}", out.toString());
        assertArrayEquals(new byte[] {5}, attachments.get(1));
    }

    @Test
    void byteBufferRemainingBytesAreCopiedWithoutMovingPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        buffer.position(1).limit(4);
        List<byte[]> attachments = new ArrayList<>();
        JsonWriter.write(new StringBuilder(), buffer, attachments);
        assertArrayEquals(new byte[] {2, 3, 4}, attachments.get(0));
        assertEquals(1, buffer.position());
        assertEquals(4, buffer.limit());
        buffer.put(1, (byte) 99);
        assertEquals(2, attachments.get(0)[0], "attachment must be a copy");
    }

    @Test
    void directByteBufferIsCopied() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(3).put(new byte[] {7, 8, 9}).flip();
        List<byte[]> attachments = new ArrayList<>();
        JsonWriter.write(new StringBuilder(), List.of(buffer), attachments);
        assertArrayEquals(new byte[] {7, 8, 9}, attachments.get(0));
        assertEquals(0, buffer.position());
    }

    @Test
    void binaryWithoutAttachmentsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonWriter.write(List.of(new byte[] {1})));
        assertEquals("binary data needs attachments", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(ByteBuffer.allocate(1)));
    }

    @Test
    void containsBinary() {
        assertTrue(JsonWriter.containsBinary(new byte[0]));
        assertTrue(JsonWriter.containsBinary(ByteBuffer.allocate(0)));
        assertTrue(JsonWriter.containsBinary(List.of("a", Map.of("k", List.of(1, new byte[] {1})))));
        assertTrue(JsonWriter.containsBinary(new Object[] {null, new byte[1]}));
        assertTrue(JsonWriter.containsBinary(Optional.of(new byte[1])));
        assertTrue(JsonWriter.containsBinary(new LinkedHashSet<>(List.of(ByteBuffer.allocate(1)))));
        assertFalse(JsonWriter.containsBinary(null));
        assertFalse(JsonWriter.containsBinary("bytes"));
        assertFalse(JsonWriter.containsBinary(List.of()));
        assertFalse(JsonWriter.containsBinary(new int[] {1}));
        assertFalse(JsonWriter.containsBinary(Optional.empty()));
        assertFalse(JsonWriter.containsBinary(new Object[] {null, "x"}));
        assertFalse(JsonWriter.containsBinary(Map.of("k", List.of(1, "2"))));
        assertFalse(JsonWriter.containsBinary(new RawJson("{\"_placeholder\":true,\"num\":0}")));
        assertFalse(JsonWriter.containsBinary(Map.of(new Object(), "key is not inspected")));
    }

    // ---- fallback -----------------------------------------------------------------------

    @Test
    void unknownTypesWithoutFallbackAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonWriter.write(List.of(new Point(1, 2))));
        assertTrue(e.getMessage().contains(Point.class.getName()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new AtomicInteger(1)));
    }

    @Test
    void fallbackWritesUnknownTypesVerbatim() {
        List<Object> seen = new ArrayList<>();
        JsonFallback fallback = value -> {
            seen.add(value);
            Point p = (Point) value;
            return "{\"x\":" + p.x() + ",\"y\":" + p.y() + "}";
        };
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, List.of("a", 1, new Point(1, 2), Map.of("p", new Point(3, 4))), null, fallback);
        assertEquals("[\"a\",1,{\"x\":1,\"y\":2},{\"p\":{\"x\":3,\"y\":4}}]", out.toString());
        assertEquals(List.of(new Point(1, 2), new Point(3, 4)), seen, "fallback only for unknown types");
    }

    @Test
    void fallbackReturningNullWritesNull() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, List.of(new Point(0, 0)), null, value -> null);
        assertEquals("[null]", out.toString());
    }

    @Test
    void fallbackAndAttachmentsTogether() {
        List<byte[]> attachments = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, List.of(new Point(0, 0), new byte[] {1}), attachments, value -> "\"P\"");
        assertEquals("[\"P\",{\"_placeholder\":true,\"num\":0}]", out.toString());
        assertEquals(1, attachments.size());
    }
}
