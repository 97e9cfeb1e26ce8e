package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** node's JSON.stringify and JSON.parse, on what the Redis adapter sends (outputs taken from node 20). */
class JsonTest {

    @Test
    void stringsAreEscapedAsV8Does() {
        String s = "a\"b\\c\n\t\u0001\u001f\u007f\u2028é😀\ud800x\udc00";
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\u007f\u2028é😀\\ud800x\\udc00\"", Json.write(s));
        assertEquals("\"\\b\\f\\r/\"", Json.write("\b\f\r/"));
    }

    @Test
    void valuesKeepTheirOrderAndBuffersLookAsNodes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", List.of(true, false));
        m.put("n", null);
        m.put("b", new byte[] {1, (byte) 255});
        m.put("d", 2.5);
        m.put("l", 12345678901234L);
        assertEquals("{\"z\":1,\"a\":[true,false],\"n\":null,\"b\":{\"type\":\"Buffer\",\"data\":[1,255]},\"d\":2.5,\"l\":12345678901234}", Json.write(m));
        assertEquals("[null,null]", Json.write(new Object[] {Double.NaN, Double.NEGATIVE_INFINITY}));
    }

    @Test
    void parsing() {
        Object v = Json.parse(" {\"a\":[1,-2,3.5,1e2,12345678901,123456789012345678901],\"b\":\"\\u00e9\\n\\/\",\"c\":null,\"d\":true} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1, -2, 3.5, 100.0, 12345678901L, 1.2345678901234568E20), m.get("a"));
        assertEquals("é\n/", m.get("b"));
        assertNull(m.get("c"));
        assertEquals(true, m.get("d"));
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()).subList(0, 2));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "[1,]", "01", "1.", "-", "\"\u0001\"", "\"\\x\"", "tru", "{} x", "{'a':1}", "[" .repeat(100) + "]".repeat(100)}) {
            assertThrows(MalformedMessageException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void numbersAsJavaScriptWritesThem() {
        assertEquals("1152921504606847000", JsNumbers.format(Math.pow(2, 60)));
        assertEquals("1e+21", JsNumbers.format(1e21));
        assertEquals("100000000000000000000", JsNumbers.format(1e20));
        assertEquals("123000000000000000000", JsNumbers.format(123e18));
        assertEquals("1e-7", JsNumbers.format(1e-7));
        assertEquals("1.5e-7", JsNumbers.format(1.5e-7));
        assertEquals("0.000001", JsNumbers.format(0.000001));
        assertEquals("123.456", JsNumbers.format(123.456));
        assertEquals("0.30000000000000004", JsNumbers.format(0.1 + 0.2));
        assertEquals("5e-324", JsNumbers.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", JsNumbers.format(Double.MAX_VALUE));
        assertEquals("9007199254740994", JsNumbers.format(9007199254740994.0));
        assertEquals("-0.5", JsNumbers.format(-0.5));
        assertEquals("0", JsNumbers.format(-0.0));
        assertEquals("4.35", JsNumbers.format(4.35));
        assertEquals("100", JsNumbers.format(100.0));
    }
}
