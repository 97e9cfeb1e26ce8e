package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Objects and arrays from a client are written back as their own text while nobody looked
 * inside, and from their values once somebody did (so a change is never written stale).
 */
class JsonViewsTest {

    private static final String OBJECT = "{\"t\":1.50,\"p\":\"caf\\u00e9\",\"n\":{\"a\":[1,2]}}";

    @Test
    void anUntouchedObjectIsWrittenAsItsOwnText() {
        Object v = JsonViews.plain(OBJECT);
        assertInstanceOf(Map.class, v);
        assertEquals(OBJECT, ((RawBacked) v).untouchedJson());
        assertEquals("[" + OBJECT + "]", JsonWriter.write(List.of(v)));
        assertEquals(OBJECT, ((RawBacked) v).untouchedJson(), "writing does not open it");
    }

    @Test
    void anOpenedObjectHasTheReadersValuesAndIsWrittenFromThem() {
        JsonObjectView v = new JsonObjectView(OBJECT);
        assertEquals("café", v.get("p"));
        assertNull(v.untouchedJson());
        assertEquals(Map.of("t", 1.5, "p", "café", "n", Map.of("a", List.of(1, 2))), v);
        assertEquals("{\"t\":1.5,\"p\":\"café\",\"n\":{\"a\":[1,2]}}", JsonWriter.write(v));
    }

    @Test
    void aChangeInsideANestedMapIsWritten() {
        JsonObjectView v = new JsonObjectView(OBJECT);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) v.get("n");
        nested.put("b", true);
        assertEquals("{\"t\":1.5,\"p\":\"café\",\"n\":{\"a\":[1,2],\"b\":true}}", JsonWriter.write(v));
    }

    @Test
    void theViewIsAsMutableAsTheReadersMap() {
        JsonObjectView v = new JsonObjectView("{\"a\":1}");
        v.put("b", 2);
        v.remove("a");
        v.merge("b", 1, (x, y) -> (Integer) x + (Integer) y);
        assertEquals("{\"b\":3}", JsonWriter.write(v));
        assertEquals(Map.of("b", 3).hashCode(), v.hashCode());
        assertEquals("{b=3}", v.toString());
    }

    @Test
    void iteratingIsALookInside() {
        JsonObjectView v = new JsonObjectView("{\"a\":[1]}");
        for (Map.Entry<String, Object> e : v.entrySet()) {
            e.setValue("x");
        }
        assertEquals("{\"a\":\"x\"}", JsonWriter.write(v));
    }

    @Test
    void anUntouchedArrayIsWrittenAsItsOwnTextAndAChangedOneFromItsValues() {
        JsonArrayView a = (JsonArrayView) JsonViews.plain("[1, {\"x\":null}]");
        assertEquals("[1, {\"x\":null}]", JsonWriter.write(a));
        assertEquals(List.of(1, java.util.Collections.singletonMap("x", null)), a);
        a.add("y");
        a.set(0, 2);
        assertEquals("[2,{\"x\":null},\"y\"]", JsonWriter.write(a));
        assertEquals(new ArrayList<>(a), a);
    }

    @Test
    void arrayBulkOperationsWorkOnTheValues() {
        JsonArrayView a = new JsonArrayView("[3,1,2]");
        a.sort(null);
        a.removeIf(x -> (Integer) x == 2);
        assertEquals("[1,3]", JsonWriter.write(a));
        assertEquals(List.of(1), a.subList(0, 1));
    }

    @Test
    void scalarsAreReadAtOnce() {
        assertEquals("é", JsonViews.plain("\"\\u00e9\""));
        assertEquals(12, JsonViews.plain("12"));
        assertEquals(true, JsonViews.plain("true"));
        assertNull(JsonViews.plain("null"));
    }

    @Test
    void anUntouchedViewHoldsNoAttachments() {
        Object v = JsonViews.plain("{\"_placeholder\":true,\"num\":0}");
        assertFalse(JsonWriter.containsBinary(v));
        List<byte[]> attachments = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        JsonWriter.write(out, v, attachments);
        assertTrue(attachments.isEmpty());
        assertEquals("{\"_placeholder\":true,\"num\":0}", out.toString());
    }

    @Test
    void anOpenedViewHoldingBinaryHasItsAttachments() {
        JsonObjectView v = new JsonObjectView("{}");
        v.put("b", new byte[] {1});
        assertTrue(JsonWriter.containsBinary(v));
    }
}
