package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JsonReader.parse(JsonWriter.write(v)) must give back v for values in the reader's value model. */
class RoundTripTest {

    static Stream<Object> values() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "quote\" backslash\\ slash/ newline\n tab\t ctrl\u0001 é 😀 \u2028");
        map.put("int", Integer.MIN_VALUE);
        map.put("long", Long.MAX_VALUE);
        map.put("longMin", Long.MIN_VALUE);
        map.put("big", new BigInteger("-98765432109876543210987654321"));
        map.put("double", 0.1);
        map.put("tiny", 1.5e-7);
        map.put("huge", 1.5e300);
        map.put("neg", -2.5);
        map.put("null", null);
        map.put("flags", Arrays.asList(true, false, null));
        map.put("nested", Map.of("a", List.of(List.of(), Map.of(), List.of(Map.of("b", "c")))));
        map.put("", "empty key");
        return Stream.of(null, true, false, 0, -1, 2147483647, 2147483648L, "", "😀", 0.5, 1e21,
                List.of(), Map.of(), map, List.of(map, map));
    }

    @ParameterizedTest
    @MethodSource("values")
    void writeThenParseGivesBackTheValue(Object value) {
        String json = JsonWriter.write(value);
        assertEquals(value, JsonReader.parse(json), json);
        assertEquals(json.length(), JsonScanner.skipValue(json, 0), json);
    }

    @ParameterizedTest
    @MethodSource("values")
    void parseThenWriteGivesBackTheText(Object value) {
        String json = JsonWriter.write(value);
        assertEquals(json, JsonWriter.write(JsonReader.parse(json)));
    }

    @ParameterizedTest
    @MethodSource("values")
    void splitArrayElementsWriteBackVerbatim(Object value) {
        String json = JsonWriter.write(List.of("ev", value == null ? List.of() : value));
        List<RawJson> parts = JsonScanner.splitArray(json, 0, json.length());
        assertEquals(json, JsonWriter.write(parts));
    }

    @ParameterizedTest
    @MethodSource("values")
    void stringsRoundTripThroughReadString(Object value) {
        String text = String.valueOf(value);
        assertEquals(text, JsonScanner.readString(JsonWriter.write(text), 0));
    }
}
