package dev.socketee.impl.json;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object from a client as a {@code Map}, parsed on first use into a mutable
 * {@link LinkedHashMap} (what {@link JsonReader} gives). Until then it is only its text, which
 * {@link JsonWriter} writes verbatim (see {@link RawBacked}). Not thread-safe, like the map it
 * stands for. The text must be a valid JSON object (validated by whoever made it).
 */
public final class JsonObjectView extends AbstractMap<String, Object> implements RawBacked {

    /** The text until the first look inside; volatile so a writer on another thread sees it dropped. */
    private volatile String json;
    private Map<String, Object> map;

    public JsonObjectView(String json) {
        this.json = json;
    }

    @Override
    public String untouchedJson() {
        return json;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        Map<String, Object> m = map;
        if (m == null) {
            m = (Map<String, Object>) JsonReader.parse(json);
            map = m;
            json = null;
        }
        return m;
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public boolean isEmpty() {
        return map().isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map().containsValue(value);
    }

    @Override
    public Object get(Object key) {
        return map().get(key);
    }

    @Override
    public Object put(String key, Object value) {
        return map().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return map().remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        map().putAll(m);
    }

    @Override
    public void clear() {
        map().clear();
    }

    @Override
    public Set<String> keySet() {
        return map().keySet();
    }

    @Override
    public Collection<Object> values() {
        return map().values();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map().entrySet();
    }
}
