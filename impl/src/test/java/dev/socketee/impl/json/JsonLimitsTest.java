package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs whose cost grows faster than their length are refused before the work is done. The
 * big inputs are sized so the code before the limits took seconds on them (a 1 MB integer:
 * 13.6 s to build its BigInteger); every other shape stays linear and is simply read.
 */
class JsonLimitsTest {

    private static final String MEGABYTE_INTEGER = "1".repeat(1_000_000);

    @Test
    void megabyteIntegerIsRefusedByTheReader() {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse(MEGABYTE_INTEGER));
        assertTrue(e.getMessage().contains("longer than 4300"), e.getMessage());
    }

    @Test
    void megabyteIntegerIsRefusedByTheScanner() {
        assertThrows(JsonException.class, () -> JsonScanner.skipValue(MEGABYTE_INTEGER, 0));
        assertThrows(JsonException.class, () -> JsonScanner.splitArray("[\"e\"," + MEGABYTE_INTEGER + "]", 0, 1_000_006));
    }

    @Test
    void megabyteIntegerInsideAContainerIsRefused() {
        assertThrows(JsonException.class, () -> JsonReader.parse("{\"n\":[" + MEGABYTE_INTEGER + "]}"));
    }

    @Test
    void numbersUpToTheLimitAreRead() {
        String digits = "9".repeat(JsonLexer.MAX_NUMBER_LENGTH);
        assertEquals(new BigInteger(digits), JsonReader.parse(digits));
        String negative = "-" + "9".repeat(JsonLexer.MAX_NUMBER_LENGTH - 1);
        assertEquals(new BigInteger(negative), JsonReader.parse(negative));
        assertThrows(JsonException.class, () -> JsonReader.parse("-" + digits));
        assertThrows(JsonException.class, () -> JsonReader.parse(digits + "9"));
    }

    @Test
    void theLimitCountsFractionAndExponentToo() {
        String fraction = "0." + "1".repeat(JsonLexer.MAX_NUMBER_LENGTH - 2);
        assertInstanceOf(Double.class, JsonReader.parse(fraction));
        assertThrows(JsonException.class, () -> JsonReader.parse(fraction + "1"));
        assertThrows(JsonException.class, () -> JsonReader.parse(fraction.substring(0, fraction.length() - 1) + "e1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e10000", "1E+10000", "1e-10000", "-1.5e999999999", "1e99999999999999999999", "[0,1e10000]"})
    void exponentsBeyondTheLimitAreRefused(String json) {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse(json));
        assertTrue(e.getMessage().contains("Exponent beyond 9999"), e.getMessage());
        assertThrows(JsonException.class, () -> JsonScanner.skipValue(json, 0));
    }

    @Test
    void exponentsWithinTheLimitAreRead() {
        assertEquals(Double.POSITIVE_INFINITY, JsonReader.parse("1e9999"));
        assertEquals(0.0, JsonReader.parse("1e-9999"));
        assertEquals(1e5, JsonReader.parse("1e0000000005"));
        assertEquals(1.0, JsonReader.parse("1e-00000"));
    }

    // ---- shapes that stay linear: read, not refused ----------------------------------------

    @Test
    void megabyteStringOfEscapesIsDecoded() {
        String json = "\"" + "\\u0041\\n".repeat(100_000) + "\"";
        String value = (String) JsonReader.parse(json);
        assertEquals(200_000, value.length());
        assertEquals(json.length(), JsonScanner.skipValue(json, 0));
    }

    @Test
    void manyKeysAndManyElementsAreRead() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i > 0 ? "," : "").append("\"k").append(i).append("\":[").append(i).append(']');
        }
        Map<?, ?> map = (Map<?, ?>) JsonReader.parse(sb.append('}').toString());
        assertEquals(100_000, map.size());
        List<?> list = (List<?>) JsonReader.parse("[" + "0,".repeat(300_000) + "0]");
        assertEquals(300_001, list.size());
    }

    @Test
    void deepNestingIsRefusedWithoutRecursingThroughIt() {
        String deep = "[".repeat(500_000) + "]".repeat(500_000);
        assertThrows(JsonException.class, () -> JsonReader.parse(deep));
        assertThrows(JsonException.class, () -> JsonScanner.skipValue(deep, 0));
    }
}
