package dev.socketee.impl.json;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

/**
 * A JSON array from a client as a {@code List}, parsed on first use into a mutable
 * {@link ArrayList} (what {@link JsonReader} gives). Until then it is only its text, which
 * {@link JsonWriter} writes verbatim (see {@link RawBacked}). Not thread-safe, like the list it
 * stands for. The text must be a valid JSON array (validated by whoever made it).
 */
public final class JsonArrayView extends AbstractList<Object> implements RawBacked {

    /** The text until the first look inside; volatile so a writer on another thread sees it dropped. */
    private volatile String json;
    private List<Object> list;

    public JsonArrayView(String json) {
        this.json = json;
    }

    @Override
    public String untouchedJson() {
        return json;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list() {
        List<Object> l = list;
        if (l == null) {
            l = (List<Object>) JsonReader.parse(json);
            list = l;
            json = null;
        }
        return l;
    }

    @Override
    public Object get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }

    @Override
    public Object set(int index, Object element) {
        return list().set(index, element);
    }

    @Override
    public void add(int index, Object element) {
        list().add(index, element);
    }

    @Override
    public boolean add(Object element) {
        return list().add(element);
    }

    @Override
    public Object remove(int index) {
        return list().remove(index);
    }

    @Override
    public boolean addAll(Collection<?> c) {
        return list().addAll(c);
    }

    @Override
    public void clear() {
        list().clear();
    }

    @Override
    public Iterator<Object> iterator() {
        return list().iterator();
    }

    @Override
    public ListIterator<Object> listIterator(int index) {
        return list().listIterator(index);
    }

    @Override
    public List<Object> subList(int from, int to) {
        return list().subList(from, to);
    }

    @Override
    public Object[] toArray() {
        return list().toArray();
    }
}
