package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** node's JSON.parse, on what the Redis adapter receives. */
class JsonReaderTest {

    @Test
    void parsing() {
        Object v = JsonReader.parse(" {\"a\":[1,-2,3.5,1e2,12345678901,123456789012345678901],\"b\":\"\\u00e9\\n\\/\",\"c\":null,\"d\":true} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1, -2, 3.5, 100.0, 12345678901L, 1.2345678901234568E20), m.get("a"));
        assertEquals("é\n/", m.get("b"));
        assertNull(m.get("c"));
        assertEquals(true, m.get("d"));
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()).subList(0, 2));
        assertEquals("😀", JsonReader.parse("\"\\ud83d\\ude00\""));
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "[1,]", "01", "1.", "-", "\"\u0001\"", "\"\\x\"", "tru", "{} x", "{'a':1}", "[" .repeat(100) + "]".repeat(100)}) {
            assertThrows(MalformedMessageException.class, () -> JsonReader.parse(bad), bad);
        }
    }

    @Test
    void whatTheWriterWritesReadsBack() {
        String text = "{\"s\":\"q\\\"\\\\\\n\\u0001\\ud800é😀\",\"a\":[[],{}],\"n\":-1.5e-7}";
        assertEquals(text, JsonWriter.stringify(JsonReader.parse(text)));
    }
}
