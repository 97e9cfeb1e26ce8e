package dev.socketee.impl.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A read-only {@code Map<String, List<String>>} held in one array, for what a session keeps of its
 * opening request (headers, query) for its whole life: names at even slots, at odd slots the value
 * as a String when there is exactly one (nearly always) or a read-only list. A {@code LinkedHashMap}
 * of singleton lists costs ~4x as much per connection. Names and values every client sends the same
 * ({@link SharedStrings}) are one instance for all sessions. Insertion order is kept; lookups scan
 * (a request has a few dozen headers at most); every mutator throws, as for
 * {@code Collections.unmodifiableMap}.
 */
public final class FlatMultiMap extends AbstractMap<String, List<String>> {

    private static final FlatMultiMap EMPTY = new FlatMultiMap(new Object[0]);

    private final Object[] slots;
    private Set<Map.Entry<String, List<String>>> entries;

    private FlatMultiMap(Object[] slots) {
        this.slots = slots;
    }

    /** A read-only copy of {@code source}, in its iteration order (the same instance if it is one already). */
    public static Map<String, List<String>> copyOf(Map<String, List<String>> source) {
        if (source instanceof FlatMultiMap flat) {
            return flat;
        }
        if (source.isEmpty()) {
            return EMPTY;
        }
        Object[] slots = new Object[source.size() * 2];
        int i = 0;
        for (Map.Entry<String, List<String>> e : source.entrySet()) {
            slots[i++] = SharedStrings.of(e.getKey());
            slots[i++] = compact(e.getValue());
        }
        return new FlatMultiMap(slots);
    }

    private static Object compact(List<String> values) {
        if (values.size() == 1 && values.get(0) != null) {
            return SharedStrings.of(values.get(0));
        }
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value instanceof String s ? Collections.singletonList(s) : (List<String>) value;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return slots.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return slots.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public List<String> get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : list(slots[i + 1]);
    }

    @Override
    public List<String> getOrDefault(Object key, List<String> defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : list(slots[i + 1]);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super List<String>> action) {
        for (int i = 0; i < slots.length; i += 2) {
            action.accept((String) slots[i], list(slots[i + 1]));
        }
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        Set<Map.Entry<String, List<String>>> e = entries;
        if (e == null) {
            e = new Entries(); // made on first use only: most sessions never iterate their headers
            entries = e;
        }
        return e;
    }

    private final class Entries extends AbstractSet<Map.Entry<String, List<String>>> {
        @Override
        public int size() {
            return slots.length / 2;
        }

        @Override
        public Iterator<Map.Entry<String, List<String>>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < slots.length;
                }

                @Override
                public Map.Entry<String, List<String>> next() {
                    if (next >= slots.length) {
                        throw new NoSuchElementException();
                    }
                    Map.Entry<String, List<String>> e = new SimpleImmutableEntry<>((String) slots[next], list(slots[next + 1]));
                    next += 2;
                    return e;
                }
            };
        }
    }

    // read-only, as Collections.unmodifiableMap: every mutator throws, even when it would change nothing

    @Override
    public List<String> put(String key, List<String> value) {
        throw readOnly();
    }

    @Override
    public List<String> remove(Object key) {
        throw readOnly();
    }

    @Override
    public void putAll(Map<? extends String, ? extends List<String>> m) {
        throw readOnly();
    }

    @Override
    public void clear() {
        throw readOnly();
    }

    @Override
    public List<String> putIfAbsent(String key, List<String> value) {
        throw readOnly();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw readOnly();
    }

    @Override
    public boolean replace(String key, List<String> oldValue, List<String> newValue) {
        throw readOnly();
    }

    @Override
    public List<String> replace(String key, List<String> value) {
        throw readOnly();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super List<String>, ? extends List<String>> function) {
        throw readOnly();
    }

    @Override
    public List<String> computeIfAbsent(String key, Function<? super String, ? extends List<String>> f) {
        throw readOnly();
    }

    @Override
    public List<String> computeIfPresent(String key, BiFunction<? super String, ? super List<String>, ? extends List<String>> f) {
        throw readOnly();
    }

    @Override
    public List<String> compute(String key, BiFunction<? super String, ? super List<String>, ? extends List<String>> f) {
        throw readOnly();
    }

    @Override
    public List<String> merge(String key, List<String> value,
                              BiFunction<? super List<String>, ? super List<String>, ? extends List<String>> f) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the handshake's headers and query are read-only");
    }
}
