package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    // ---- scalars ------------------------------------------------------------------------

    @Test
    void literals() {
        assertEquals(Boolean.TRUE, JsonReader.parse("true"));
        assertEquals(Boolean.FALSE, JsonReader.parse(" false "));
        assertNull(JsonReader.parse("\nnull\t"));
    }

    @Test
    void integersUseTheNarrowestType() {
        assertEquals(0, JsonReader.parse("0"));
        assertEquals(0, JsonReader.parse("-0"));
        assertEquals(-7, JsonReader.parse("-7"));
        assertEquals(Integer.MAX_VALUE, JsonReader.parse("2147483647"));
        assertEquals(Integer.MIN_VALUE, JsonReader.parse("-2147483648"));
        assertEquals(2147483648L, JsonReader.parse("2147483648"));
        assertEquals(-2147483649L, JsonReader.parse("-2147483649"));
        assertEquals(999_999_999_999_999_999L, JsonReader.parse("999999999999999999"));
        assertEquals(1_000_000_000_000_000_000L, JsonReader.parse("1000000000000000000"));
        assertEquals(Long.MAX_VALUE, JsonReader.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, JsonReader.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), JsonReader.parse("9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), JsonReader.parse("-9223372036854775809"));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                JsonReader.parse("123456789012345678901234567890"));
    }

    @Test
    void integerTypesAreExact() {
        assertInstanceOf(Integer.class, JsonReader.parse("2147483647"));
        assertInstanceOf(Long.class, JsonReader.parse("2147483648"));
        assertInstanceOf(Long.class, JsonReader.parse("-9223372036854775808"));
        assertInstanceOf(BigInteger.class, JsonReader.parse("9223372036854775808"));
    }

    @Test
    void fractionsAndExponentsAreDoubles() {
        assertEquals(100000.0, JsonReader.parse("1e5"));
        assertEquals(100000.0, JsonReader.parse("1E+5"));
        assertEquals(0.0015, JsonReader.parse("1.5E-3"));
        assertEquals(1.0, JsonReader.parse("1.0"));
        assertEquals(-0.0, JsonReader.parse("-0.0"));
        assertEquals(-0.5, JsonReader.parse("-0.5"));
        assertEquals(0.1, JsonReader.parse("0.1"));
        assertEquals(1e300, JsonReader.parse("1e300"));
        assertEquals(Double.MIN_VALUE, JsonReader.parse("4.9e-324"));
        assertEquals(Double.POSITIVE_INFINITY, JsonReader.parse("1e400"));
        assertInstanceOf(Double.class, JsonReader.parse("1e0"));
    }

    @Test
    void strings() {
        assertEquals("", JsonReader.parse("\"\""));
        assertEquals("plain", JsonReader.parse("\"plain\""));
        assertEquals("a\"b\\c/d\b\f\n\r\t", JsonReader.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""));
        assertEquals("é😀", JsonReader.parse("\"\\u00e9\\ud83d\\ude00\""));
        assertEquals("é😀\u2028", JsonReader.parse("\"é😀\u2028\""));
    }

    // ---- containers ---------------------------------------------------------------------

    @Test
    void nestedStructures() {
        Object value = JsonReader.parse(
                " { \"name\" : \"chat\", \"args\" : [1, 2.5, \"x\", null, true, {\"deep\": [[]]}], \"empty\": {} } ");
        Map<String, Object> deep = new LinkedHashMap<>();
        deep.put("deep", List.of(List.of()));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "chat");
        expected.put("args", Arrays.asList(1, 2.5, "x", null, true, deep));
        expected.put("empty", Map.of());
        assertEquals(expected, value);
    }

    @Test
    void containersAreMutableLinkedHashMapAndArrayList() {
        Object object = JsonReader.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertInstanceOf(LinkedHashMap.class, object);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(((Map<?, ?>) object).keySet()));
        assertInstanceOf(ArrayList.class, JsonReader.parse("[1]"));
        assertInstanceOf(ArrayList.class, JsonReader.parse("[]"));
        assertInstanceOf(LinkedHashMap.class, JsonReader.parse("{}"));
    }

    @Test
    void duplicateKeysLastWins() {
        assertEquals(Map.of("a", 2, "b", 3), JsonReader.parse("{\"a\":1,\"b\":3,\"a\":2}"));
    }

    @Test
    void objectKeysAreDecoded() {
        assertEquals(Map.of("a\nb", 1, "😀", 2), JsonReader.parse("{\"a\\nb\":1,\"\\ud83d\\ude00\":2}"));
    }

    @Test
    void arrayWithNulls() {
        assertEquals(Arrays.asList(null, null), JsonReader.parse("[null,null]"));
    }

    // ---- slices -------------------------------------------------------------------------

    @Test
    void parsesSliceOnly() {
        String packet = "42[\"ev\",{\"a\":1}]garbage";
        assertEquals(List.of("ev", Map.of("a", 1)), JsonReader.parse(packet, 2, 16));
        assertEquals(Map.of("a", 1), JsonReader.parse(packet, 8, 15));
        assertEquals(42, JsonReader.parse(packet, 0, 2));
    }

    @Test
    void sliceMustContainWholeValue() {
        assertThrows(JsonException.class, () -> JsonReader.parse("[1,2]", 0, 4));
        assertThrows(JsonException.class, () -> JsonReader.parse("\"abc\"", 0, 4));
        assertThrows(JsonException.class, () -> JsonReader.parse("123", 1, 1));
    }

    @Test
    void sliceOutOfRangeIsIndexError() {
        assertThrows(IndexOutOfBoundsException.class, () -> JsonReader.parse("[1]", 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> JsonReader.parse("[1]", 2, 1));
    }

    // ---- malformed ----------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dev.socketee.impl.json.MalformedJson#allMalformed")
    void rejectsMalformedInput(String json) {
        assertThrows(JsonException.class, () -> JsonReader.parse(json));
    }

    @Test
    void errorMessagesNamePosition() {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("[1] x"));
        assertEquals("Unexpected character 'x' at 4", e.getMessage());
        e = assertThrows(JsonException.class, () -> JsonReader.parse("{\"a\":1,}"));
        assertEquals("Unexpected character '}' at 7", e.getMessage());
        e = assertThrows(JsonException.class, () -> JsonReader.parse("01"));
        assertEquals("Leading zero in number at 0", e.getMessage());
        e = assertThrows(JsonException.class, () -> JsonReader.parse(""));
        assertEquals("Unexpected end of input at 0", e.getMessage());
    }

    @Test
    void rejectsEveryProperPrefixOfAContainer() {
        String json = "[{\"a\":[1,-2.5e3,\"x\\u0041\\n\",true,false,null,{}],\"b\":{\"c\":[]}},\"\\ud83d\\ude00\"]";
        for (int i = 0; i < json.length(); i++) {
            String prefix = json.substring(0, i);
            assertThrows(JsonException.class, () -> JsonReader.parse(prefix), prefix);
        }
    }

    // ---- depth --------------------------------------------------------------------------

    @Test
    void nestingUpToMaxDepthIsAccepted() {
        Object value = JsonReader.parse(MalformedJson.nestedArrays(64));
        for (int i = 1; i < 64; i++) {
            value = ((List<?>) value).get(0);
        }
        assertEquals(List.of(), value);
        assertInstanceOf(Map.class, JsonReader.parse(MalformedJson.nestedObjects(64)));
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 100, 100_000})
    void nestingBeyondMaxDepthIsRejected(int depth) {
        assertThrows(JsonException.class, () -> JsonReader.parse(MalformedJson.nestedArrays(depth)));
        assertThrows(JsonException.class, () -> JsonReader.parse(MalformedJson.nestedObjects(depth)));
    }

    @Test
    void hugeUnclosedNestingThrowsJsonExceptionNotStackOverflow() {
        assertThrows(JsonException.class, () -> JsonReader.parse("[".repeat(100_000)));
        assertThrows(JsonException.class, () -> JsonReader.parse("[{\"a\":".repeat(50_000)));
    }

    // ---- agreement with the scanner -----------------------------------------------------

    /**
     * Mutates valid documents at random: the reader and the scanner must agree on validity and
     * must never fail with anything but JsonException.
     */
    @Test
    void readerAndScannerAgreeOnRandomlyMutatedInput() {
        String[] seeds = {
            "{\"a\":[1,-2.5e3,\"x\\u0041\\n\",true,false,null,{}],\"b\":{\"c\":[]}}",
            "[\"chat\",{\"text\":\"h\\u00e9llo \\ud83d\\ude00\",\"n\":-0.0e+1}]",
            "[[[[0]]],{\"\":\"\"},1E5,\"\\\\\\/\"]",
        };
        String alphabet = "{}[]\",:\\u0aeE+-.1 tfnrl\u0001x";
        Random random = new Random(42);
        int valid = 0;
        for (int round = 0; round < 20_000; round++) {
            String json = mutate(seeds[round % seeds.length], alphabet, random);
            boolean readerOk = readerAccepts(json);
            assertEquals(readerOk, scannerAccepts(json), json);
            valid += readerOk ? 1 : 0;
        }
        assertEquals(true, valid > 0 && valid < 20_000, "mutations should produce both outcomes: " + valid);
    }

    private static String mutate(String seed, String alphabet, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    private static boolean readerAccepts(String json) {
        try {
            JsonReader.parse(json);
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    private static boolean scannerAccepts(String json) {
        try {
            int end = JsonScanner.skipValue(json, 0);
            return JsonScanner.skipWhitespace(json, end) == json.length();
        } catch (JsonException e) {
            return false;
        }
    }
}
