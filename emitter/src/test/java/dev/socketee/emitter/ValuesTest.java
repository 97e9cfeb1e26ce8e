package dev.socketee.emitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What an argument may be, and what it becomes before either encoder sees it. */
class ValuesTest {

    enum Color { RED { @Override public String toString() { return "red!"; } } }

    private record Point(int x, int y) {}

    record Shape(String name, List<Point> points, Color color, byte[] icon) {}

    @Test
    void scalarsAreKeptNumbersNormalized() {
        assertEquals(null, Values.plain(null, "v"));
        assertEquals("s", Values.plain("s", "v"));
        assertEquals(true, Values.plain(true, "v"));
        assertEquals(5L, Values.plain(5, "v"));
        assertEquals(5L, Values.plain((byte) 5, "v"));
        assertEquals(5L, Values.plain(new java.util.concurrent.atomic.AtomicLong(5), "v"));
        assertEquals(5L, Values.plain(BigInteger.valueOf(5), "v"));
        assertEquals(BigInteger.TWO.pow(70), Values.plain(BigInteger.TWO.pow(70), "v"));
        assertEquals(1.5, Values.plain(1.5f, "v"));
        assertEquals(0.25, Values.plain(new java.math.BigDecimal("0.25"), "v"));
    }

    @Test
    void containersRecordsAndEnums() {
        byte[] icon = {1, 2};
        Object plain = Values.plain(new Shape("tri", List.of(new Point(1, 2)), Color.RED, icon), "v");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "tri");
        expected.put("points", List.of(Map.of("x", 1L, "y", 2L)));
        expected.put("color", "RED"); // the name, not toString()
        expected.put("icon", icon);   // binary stays binary, the same array
        assertEquals(expected, plain);
        assertEquals(List.of(1L, 2L), Values.plain(new int[] {1, 2}, "v"));
        assertEquals(List.of("a", 2L), Values.plain(new Object[] {"a", 2}, "v"));
        assertEquals(List.of(true), Values.plain(new boolean[] {true}, "v"));
        assertEquals(List.of("b", "a"), Values.plain(new LinkedHashSet<>(List.of("b", "a")), "v"));
        assertEquals(List.of("a", "b"), List.copyOf(((Map<?, ?>) Values.plain(new TreeMap<>(Map.of("b", 1, "a", 2)), "v")).keySet()));
    }

    @Test
    void otherTypesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Values.eventData("e", new Object[] {1, Map.of("when", List.of(java.time.Instant.EPOCH))}));
        assertTrue(e.getMessage().contains("args[1].when[0] of type java.time.Instant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Values.plain(Optional.of(1), "v"));
        assertTrue(e.getMessage().contains("java.util.Optional"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Values.plain('c', "v"));
        assertTrue(e.getMessage().contains("java.lang.Character"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Values.plain(Map.of(1, "one"), "v"));
        assertTrue(e.getMessage().contains("a map key of type java.lang.Integer"), e.getMessage());
    }

    @Test
    void aCycleIsRefusedNotAStackOverflow() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.plain(cyclic, "v"));
        assertTrue(e.getMessage().contains("deeper than " + Values.MAX_DEPTH), e.getMessage());
    }
}
