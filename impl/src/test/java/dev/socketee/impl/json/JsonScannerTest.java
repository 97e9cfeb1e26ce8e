package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonScannerTest {

    // ---- skipValue: valid ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "0", "-0", "1", "-1", "123", "1e5", "1E5", "1.5E-3", "1.5e+3", "-0.0", "0.5",
        "12345678901234567890123456789", "9223372036854775807", "-9223372036854775808",
        "true", "false", "null",
        "\"\"", "\"abc\"", "\"a\\\"b\"", "\"\\\\\"", "\"\\/\"", "\"\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u00E9\"",
        "\"\\ud83d\\ude00\"", "\"é😀\u2028\"",
        "[]", "{}", "[ ]", "{ }", "[1,2,3]", "[ 1 , \"a\" , null ]", "{\"a\":1}", "{ \"a\" : [ {} , [] ] }",
        "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}},\"e\":\"f\"}", "[[[[]]]]", "{\"\":\"\"}", "{\"a\":1,\"a\":2}"
    })
    void skipValueConsumesExactlyOneWholeValue(String json) {
        assertEquals(json.length(), JsonScanner.skipValue(json, 0));
    }

    @Test
    void skipValueSkipsLeadingButNotTrailingWhitespace() {
        assertEquals(6, JsonScanner.skipValue(" \t\r\n12  ", 0));
        assertEquals(7, JsonScanner.skipValue("  [1,2] ,", 0));
    }

    @Test
    void skipValueStartsAtGivenPosition() {
        String s = "[\"event\",{\"a\":[1,2]},3]";
        assertEquals(8, JsonScanner.skipValue(s, 1));
        assertEquals(20, JsonScanner.skipValue(s, 9));
        assertEquals(22, JsonScanner.skipValue(s, 21));
    }

    @Test
    void skipValueStopsAfterValueFollowedByOtherText() {
        assertEquals(3, JsonScanner.skipValue("[1] x", 0));
        assertEquals(1, JsonScanner.skipValue("1 2", 0));
        assertEquals(4, JsonScanner.skipValue("true,", 0));
        assertEquals(3, JsonScanner.skipValue("0.5.1", 0));
    }

    // ---- skipValue: malformed -----------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dev.socketee.impl.json.MalformedJson#brokenValues")
    void skipValueRejectsMalformedValues(String json) {
        assertThrows(JsonException.class, () -> JsonScanner.skipValue(json, 0));
    }

    @Test
    void skipValueRejectsEveryProperPrefixOfAContainer() {
        String json = "{\"a\":[1,-2.5e3,\"x\\u0041\\n\",true,false,null,{}],\"b\":{\"c\":[]}}";
        for (int i = 0; i < json.length(); i++) {
            String prefix = json.substring(0, i);
            assertThrows(JsonException.class, () -> JsonScanner.skipValue(prefix, 0), prefix);
        }
        assertEquals(json.length(), JsonScanner.skipValue(json, 0));
    }

    @Test
    void errorMessageNamesPosition() {
        JsonException e = assertThrows(JsonException.class, () -> JsonScanner.skipValue("[1,x]", 0));
        assertEquals("Unexpected character 'x' at 3", e.getMessage());
        e = assertThrows(JsonException.class, () -> JsonScanner.skipValue("[1,", 0));
        assertEquals("Unexpected end of input at 3", e.getMessage());
        e = assertThrows(JsonException.class, () -> JsonScanner.skipValue("\"a\u0001\"", 0));
        assertEquals("Unexpected character '\\u0001' at 2", e.getMessage());
        e = assertThrows(JsonException.class, () -> JsonScanner.skipValue("  \"abc", 0));
        assertEquals("Unterminated string starting at 2", e.getMessage());
        e = assertThrows(JsonException.class, () -> JsonScanner.skipValue("\"\\x\"", 0));
        assertTrue(e.getMessage().endsWith(" at 1"), e.getMessage());
    }

    // ---- depth --------------------------------------------------------------------------

    @Test
    void maxDepthIs64() {
        assertEquals(64, JsonScanner.MAX_DEPTH);
    }

    @Test
    void nestingUpToMaxDepthIsAccepted() {
        String arrays = MalformedJson.nestedArrays(64);
        String objects = MalformedJson.nestedObjects(64);
        assertEquals(arrays.length(), JsonScanner.skipValue(arrays, 0));
        assertEquals(objects.length(), JsonScanner.skipValue(objects, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 100, 100_000})
    void nestingBeyondMaxDepthIsRejected(int depth) {
        JsonException e = assertThrows(JsonException.class,
                () -> JsonScanner.skipValue(MalformedJson.nestedArrays(depth), 0));
        assertEquals("Nesting deeper than 64 at 64", e.getMessage());
        assertThrows(JsonException.class, () -> JsonScanner.skipValue(MalformedJson.nestedObjects(depth), 0));
    }

    @Test
    void hugeUnclosedNestingThrowsJsonExceptionNotStackOverflow() {
        assertThrows(JsonException.class, () -> JsonScanner.skipValue("[".repeat(100_000), 0));
        assertThrows(JsonException.class, () -> JsonScanner.skipValue("{\"a\":".repeat(100_000), 0));
        assertThrows(JsonException.class, () -> JsonScanner.splitArray("[".repeat(100_000), 0, 100_000));
    }

    // ---- skipWhitespace -----------------------------------------------------------------

    @Test
    void skipWhitespaceSkipsOnlyJsonWhitespace() {
        assertEquals(4, JsonScanner.skipWhitespace(" \t\r\nx", 0));
        assertEquals(3, JsonScanner.skipWhitespace("a  b", 1));
        assertEquals(0, JsonScanner.skipWhitespace("\u00a0x", 0));
        assertEquals(0, JsonScanner.skipWhitespace("\fx", 0));
        assertEquals(3, JsonScanner.skipWhitespace("   ", 0));
        assertEquals(0, JsonScanner.skipWhitespace("", 0));
        assertEquals(1, JsonScanner.skipWhitespace("x", 1));
    }

    // ---- splitArray ---------------------------------------------------------------------

    @Test
    void splitArrayReturnsTrimmedElements() {
        String s = "[\"chat\", {\"a\" : [1, 2]} ,\n null,true , -1.5e3,\"x,y]\" ,[]]";
        List<RawJson> parts = JsonScanner.splitArray(s, 0, s.length());
        assertEquals(List.of(new RawJson("\"chat\""), new RawJson("{\"a\" : [1, 2]}"), RawJson.NULL,
                new RawJson("true"), new RawJson("-1.5e3"), new RawJson("\"x,y]\""), new RawJson("[]")), parts);
    }

    @Test
    void splitArrayHandlesEmptyArraysAndSurroundingWhitespace() {
        assertEquals(List.of(), JsonScanner.splitArray("[]", 0, 2));
        assertEquals(List.of(), JsonScanner.splitArray(" \n[ \t] \r", 0, 8));
        assertEquals(List.of(new RawJson("1")), JsonScanner.splitArray("  [ 1 ]  ", 0, 9));
    }

    @Test
    void splitArrayWorksOnASlice() {
        String s = "42[\"ev\",1]xyz";
        assertEquals(List.of(new RawJson("\"ev\""), new RawJson("1")), JsonScanner.splitArray(s, 2, 10));
    }

    @Test
    void splitArrayRejectsArrayExtendingBeyondEnd() {
        String s = "[1,2]";
        assertThrows(JsonException.class, () -> JsonScanner.splitArray(s, 0, 4));
        assertThrows(JsonException.class, () -> JsonScanner.splitArray("[\"ab\"]", 0, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "1", "\"[1]\"", "null", "true", "[1] x", "[1] [2]", "[1]]", "[1],"})
    void splitArrayRejectsNonArraysAndTrailingGarbage(String json) {
        assertThrows(JsonException.class, () -> JsonScanner.splitArray(json, 0, json.length()));
    }

    @ParameterizedTest
    @MethodSource("dev.socketee.impl.json.MalformedJson#allMalformed")
    void splitArrayRejectsMalformedInput(String json) {
        assertThrows(JsonException.class, () -> JsonScanner.splitArray(json, 0, json.length()));
        if (!json.isBlank()) {
            String wrapped = "[" + json + "]";
            assertThrows(JsonException.class, () -> JsonScanner.splitArray(wrapped, 0, wrapped.length()));
        }
    }

    @Test
    void splitArrayElementsAreNestedOneLevelDeep() {
        String ok = "[" + MalformedJson.nestedArrays(63) + "]";
        assertEquals(1, JsonScanner.splitArray(ok, 0, ok.length()).size());
        String tooDeep = "[" + MalformedJson.nestedArrays(64) + "]";
        assertThrows(JsonException.class, () -> JsonScanner.splitArray(tooDeep, 0, tooDeep.length()));
    }

    @Test
    void splitArrayRejectsBadRange() {
        assertThrows(IndexOutOfBoundsException.class, () -> JsonScanner.splitArray("[]", 0, 3));
    }

    // ---- readString ---------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
        "\"\"|``",
        "\"hello\"|hello",
        "  \"hi\" trailing|hi",
        "\"a\\\"b\"|a\"b",
        "\"back\\\\slash\"|back\\slash",
        "\"a\\/b\"|a/b",
        "\"\\u0041\\u00e9\\u00C9\"|AéÉ",
        "\"\\ud83d\\ude00\"|😀",
        "\"x\\ud83d\\ude00y\"|x😀y",
        "\"é😀 raw\"|é😀 raw",
    })
    void readStringDecodes(String json, String expected) {
        assertEquals(expected, JsonScanner.readString(json, 0));
    }

    @Test
    void readStringDecodesControlEscapes() {
        assertEquals("\b\f\n\r\t\u0000\u001f", JsonScanner.readString("\"\\b\\f\\n\\r\\t\\u0000\\u001F\"", 0));
    }

    @Test
    void readStringDecodesLoneSurrogateEscapesAsIs() {
        assertEquals("\ud800", JsonScanner.readString("\"\\uD800\"", 0));
    }

    @Test
    void readStringStartsAtPosition() {
        String s = "[\"chat\",\"a\\nb\"]";
        assertEquals("chat", JsonScanner.readString(s, 1));
        assertEquals("a\nb", JsonScanner.readString(s, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "1", "null", "['x']", "'x'", "\"abc", "\"\\x\"", "\"\\u12\"", "\"a\u0001\"",
        "\"a\\\"", "\"\\"})
    void readStringRejectsNonStringsAndMalformedStrings(String json) {
        assertThrows(JsonException.class, () -> JsonScanner.readString(json, 0));
    }

    // ---- type probes --------------------------------------------------------------------

    @Test
    void typeProbesLookAtFirstNonWhitespaceCharacter() {
        assertTrue(JsonScanner.isObject(" \n{\"a\":1}"));
        assertTrue(JsonScanner.isArray("\t[1]"));
        assertTrue(JsonScanner.isString("  \"x\""));
        assertFalse(JsonScanner.isObject("[{}]"));
        assertFalse(JsonScanner.isArray("{\"a\":[]}"));
        assertFalse(JsonScanner.isString("[\"x\"]"));
        assertFalse(JsonScanner.isString("1"));
    }

    @Test
    void typeProbesAreFalseForBlankOrNull() {
        for (String s : new String[] {null, "", "   "}) {
            assertFalse(JsonScanner.isObject(s));
            assertFalse(JsonScanner.isArray(s));
            assertFalse(JsonScanner.isString(s));
        }
    }
}
