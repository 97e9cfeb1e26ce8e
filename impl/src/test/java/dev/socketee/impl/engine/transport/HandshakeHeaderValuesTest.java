package dev.socketee.impl.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A handshake header's values as the session keeps them: all of them, in order, read-only. */
class HandshakeHeaderValuesTest {

    @Test
    void oneValue() {
        List<String> v = EngineServlet.values(Collections.enumeration(List.of("a")));
        assertEquals(List.of("a"), v);
        assertThrows(UnsupportedOperationException.class, () -> v.add("b"));
    }

    @Test
    void severalValuesInOrder() {
        List<String> v = EngineServlet.values(Collections.enumeration(List.of("a", "b", "c")));
        assertEquals(List.of("a", "b", "c"), v);
        assertThrows(UnsupportedOperationException.class, () -> v.set(0, "x"));
    }

    @Test
    void noValues() {
        assertEquals(List.of(), EngineServlet.values(Collections.emptyEnumeration()));
        assertEquals(List.of(), EngineServlet.values(null));
    }
}
