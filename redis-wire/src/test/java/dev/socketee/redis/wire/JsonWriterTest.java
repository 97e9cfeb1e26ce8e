package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON text against node 20's {@code JSON.stringify} of the same JavaScript value. */
class JsonWriterTest {

    private static String json(Object value) {
        return JsonWriter.stringify(value);
    }

    @Test
    void stringsAreEscapedAsV8Does() {
        String s = "a\"b\\c\n\t\u0001\u001f\u007f\u2028é😀\ud800x\udc00";
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\u007f\u2028é😀\\ud800x\\udc00\"", json(s));
        assertEquals("\"\\b\\f\\r/\"", json("\b\f\r/"));
    }

    @Test
    void escapesAsJsonStringify() {
        // JSON.stringify("q\" b\\ \n\t\b\f\r \u0001\u001f\u007f é \u2028 😀 lone \ud800 and \udc00 end \ud800")
        assertEquals("\"q\\\" b\\\\ \\n\\t\\b\\f\\r \\u0001\\u001f\u007f \u00e9 \u2028 \ud83d\ude00 lone \\ud800 and \\udc00 end \\ud800\"",
                json("q\" b\\ \n\t\b\f\r \u0001\u001f\u007f é \u2028 😀 lone \ud800 and \udc00 end \ud800"));
        assertEquals("\"/<>&'\"", json("/<>&'"));
        assertEquals("\"\\u0000\\u000b\"", json("\u0000\u000b"));
        assertEquals("\"\\udc00\\ud800\"", json("\udc00\ud800")); // reversed pair: two lone surrogates
        assertEquals("\"x\"", json('x'));
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
        assertEquals("{\"z\":1,\"a\":[true,false],\"n\":null,\"b\":{\"type\":\"Buffer\",\"data\":[1,255]},\"d\":2.5,\"l\":12345678901234}", json(m));
        assertEquals("[null,null]", json(new Object[] {Double.NaN, Double.NEGATIVE_INFINITY}));
        assertEquals("[\"x\",null]", json(new Object[] {"x", null}));
    }

    @Test
    void numbersAsJavaScriptWritesThem() {
        List<Object> numbers = Arrays.asList(0, -0.0, 1, -1, 0.1, 0.1 + 0.2, 1e21, 1e20, 123e-20, 1e-7, 1.5e-7, 0.000001,
                0.0000015, 123.456, -123.456, Double.MIN_VALUE, Double.MAX_VALUE, 0x1p53, 0x1p53 + 2, 1.5e300, -2.5e-300,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 100.0, 1e6, 4.35, 0.5, 2e-323,
                9007199254740993.0, 1e23, 2e23);
        assertEquals("[0,0,1,-1,0.1,0.30000000000000004,1e+21,100000000000000000000,1.23e-18,1e-7,1.5e-7,0.000001,"
                + "0.0000015,123.456,-123.456,5e-324,1.7976931348623157e+308,9007199254740992,9007199254740994,1.5e+300,"
                + "-2.5e-300,null,null,null,100,1000000,4.35,0.5,2e-323,9007199254740992,1e+23,2e+23]", json(numbers));
    }

    @Test
    void integralTypesAreWrittenExactly() {
        assertEquals("[9007199254740993,-9223372036854775808,18446744073709551616]",
                json(List.of(9007199254740993L, Long.MIN_VALUE, BigInteger.ONE.shiftLeft(64))));
    }

    @Test
    void binaryAsNodesBufferToJson() {
        assertEquals("{\"type\":\"Buffer\",\"data\":[1,255]}", json(new byte[] {1, (byte) 255}));
        assertEquals("{\"type\":\"Buffer\",\"data\":[]}", json(new byte[0]));
        assertEquals("{\"type\":\"Buffer\",\"data\":[9,10]}", json(ByteBuffer.wrap(new byte[] {8, 9, 10}, 1, 2)));
    }

    @Test
    void containersKeepTheirOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", null);
        map.put("a", List.of(true, false));
        map.put("\"", Map.of());
        assertEquals("{\"z\":null,\"a\":[true,false],\"\\\"\":{}}", json(map));
        assertEquals("[[],{}]", json(List.of(List.of(), Map.of())));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> json(new Object()));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> json(cyclic));
        assertEquals("nested deeper than " + WireLimits.MAX_DEPTH, e.getMessage());
    }
}
