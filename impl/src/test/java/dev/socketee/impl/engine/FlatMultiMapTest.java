package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The handshake's header and query store answers exactly as the unmodifiable LinkedHashMap it replaces. */
class FlatMultiMapTest {

    private static Map<String, List<String>> source() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("host", Collections.singletonList("127.0.0.1:8080"));
        m.put("upgrade", Collections.singletonList("websocket"));
        m.put("accept-language", List.of("en", "fr")); // two header lines
        m.put("x-empty", List.of());
        m.put("sec-websocket-key", Collections.singletonList("dGhlIHNhbXBsZSBub25jZQ=="));
        return m;
    }

    @Test
    void answersAsTheMapItWasCopiedFrom() {
        Map<String, List<String>> before = Collections.unmodifiableMap(new LinkedHashMap<>(source()));
        Map<String, List<String>> flat = FlatMultiMap.copyOf(source());
        assertEquals(before, flat);
        assertEquals(flat, before);
        assertEquals(before.hashCode(), flat.hashCode());
        assertEquals(before.toString(), flat.toString());
        assertEquals(List.copyOf(before.keySet()), List.copyOf(flat.keySet()), "insertion order");
        assertEquals(List.copyOf(before.values()), List.copyOf(flat.values()));
        assertEquals(5, flat.size());
        assertFalse(flat.isEmpty());
        assertEquals(List.of("websocket"), flat.get("upgrade"));
        assertEquals(List.of("en", "fr"), flat.get("accept-language"));
        assertEquals(List.of(), flat.get("x-empty"));
        assertNull(flat.get("Upgrade"), "names are matched exactly (the store keeps them in lower case)");
        assertNull(flat.get(42));
        assertTrue(flat.containsKey("host"));
        assertFalse(flat.containsKey("cookie"));
        assertTrue(flat.containsValue(List.of("websocket")));
        assertEquals(List.of("x"), flat.getOrDefault("cookie", List.of("x")));
        assertEquals(List.of("127.0.0.1:8080"), flat.getOrDefault("host", List.of("x")));
        List<String> seen = new ArrayList<>();
        flat.forEach((k, v) -> seen.add(k + "=" + v));
        List<String> expected = new ArrayList<>();
        before.forEach((k, v) -> expected.add(k + "=" + v));
        assertEquals(expected, seen);
    }

    @Test
    void isReadOnlyAsAnUnmodifiableMap() {
        Map<String, List<String>> flat = FlatMultiMap.copyOf(source());
        List<Executable> writes = List.of(
                () -> flat.put("a", List.of()), () -> flat.remove("host"), () -> flat.remove("nope"),
                () -> flat.putAll(Map.of("a", List.of())), () -> flat.clear(), () -> flat.putIfAbsent("a", List.of()),
                () -> flat.remove("host", List.of()), () -> flat.replace("host", List.of()),
                () -> flat.replace("host", List.of(), List.of()), () -> flat.replaceAll((k, v) -> v),
                () -> flat.computeIfAbsent("a", k -> List.of()), () -> flat.computeIfPresent("host", (k, v) -> v),
                () -> flat.compute("host", (k, v) -> v), () -> flat.merge("host", List.of(), (a, b) -> a),
                () -> flat.keySet().remove("host"), () -> flat.values().clear(), () -> flat.entrySet().clear(),
                () -> flat.entrySet().iterator().next().setValue(List.of()),
                () -> { var it = flat.keySet().iterator(); it.next(); it.remove(); },
                () -> flat.get("host").add("x"), () -> flat.get("accept-language").set(0, "x"),
                () -> FlatMultiMap.copyOf(Map.of()).clear());
        for (Executable w : writes) {
            assertThrows(UnsupportedOperationException.class, w);
        }
        assertEquals(source(), flat, "unchanged");
    }

    @Test
    void copiesTheValuesNotTheCallersLists() {
        List<String> values = new ArrayList<>(List.of("a", "b"));
        Map<String, List<String>> src = new LinkedHashMap<>();
        src.put("k", values);
        Map<String, List<String>> flat = FlatMultiMap.copyOf(src);
        values.add("c");
        src.put("other", List.of("x"));
        assertEquals(Map.of("k", List.of("a", "b")), flat);
    }

    @Test
    void emptyAndCopyOfACopy() {
        Map<String, List<String>> empty = FlatMultiMap.copyOf(new LinkedHashMap<>());
        assertEquals(Map.of(), empty);
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.entrySet().size());
        assertFalse(empty.entrySet().iterator().hasNext());
        Map<String, List<String>> flat = FlatMultiMap.copyOf(source());
        assertSame(flat, FlatMultiMap.copyOf(flat));
    }

    @Test
    void namesAndValuesEveryClientSendsAreSharedOthersKept() {
        String name = new String("upgrade"); // a fresh instance, as a request's parser makes
        String value = new String("websocket");
        String own = new String("dGhlIHNhbXBsZSBub25jZQ==");
        Map<String, List<String>> src = new LinkedHashMap<>();
        src.put(name, Collections.singletonList(value));
        src.put(new String("sec-websocket-key"), Collections.singletonList(own));
        Map<String, List<String>> a = FlatMultiMap.copyOf(src);
        Map<String, List<String>> b = FlatMultiMap.copyOf(new LinkedHashMap<>(Map.of(new String("upgrade"),
                Collections.singletonList(new String("websocket")))));
        assertSame(a.keySet().iterator().next(), b.keySet().iterator().next());
        assertSame(a.get("upgrade").get(0), b.get("upgrade").get(0));
        assertSame(own, a.get("sec-websocket-key").get(0), "a value of its own is kept as it came");
    }

    @Test
    void theHandshakeKeepsItsHeadersAndQueryInTheStore() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("EIO", new ArrayList<>(List.of("4")));
        query.put("transport", new ArrayList<>(List.of("websocket")));
        HandshakeInfo h = new HandshakeInfo(source(), query, InetSocketAddress.createUnresolved("127.0.0.1", 1), 0, null, null);
        assertTrue(h.headers() instanceof FlatMultiMap);
        assertEquals(source(), h.headers());
        assertEquals(Map.of("EIO", List.of("4"), "transport", List.of("websocket")), h.query());
        assertThrows(UnsupportedOperationException.class, () -> h.query().get("EIO").add("3"));
    }
}
