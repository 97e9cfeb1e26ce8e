package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RawJsonTest {

    @Test
    void toStringIsTheJsonText() {
        assertEquals("{\"a\": 1}", new RawJson("{\"a\": 1}").toString());
        assertEquals("null", RawJson.NULL.toString());
        assertEquals("null", RawJson.NULL.json());
    }

    @Test
    void equalityIsByText() {
        assertEquals(new RawJson("[1]"), new RawJson("[1]"));
        assertNotEquals(new RawJson("[1]"), new RawJson("[ 1 ]"));
    }

    @Test
    void nullTextIsRejected() {
        assertThrows(NullPointerException.class, () -> new RawJson(null));
    }

    @Test
    void jsonExceptionKeepsMessage() {
        assertEquals("Unexpected character 'x' at 12", new JsonException("Unexpected character 'x' at 12").getMessage());
    }
}
