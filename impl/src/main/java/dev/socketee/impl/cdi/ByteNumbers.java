package dev.socketee.impl.cdi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain values with each byte[] as a list of its (signed) numbers: JSON-B's default binary form,
 * for binding binary packets with an application's own Jsonb.
 */
final class ByteNumbers {

    private ByteNumbers() {
    }

    static Object of(Object v) {
        if (v instanceof byte[] bytes) {
            List<Integer> numbers = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                numbers.add((int) b);
            }
            return numbers;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, e) -> out.put(k, of(e)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(of(e));
            }
            return out;
        }
        return v;
    }
}
