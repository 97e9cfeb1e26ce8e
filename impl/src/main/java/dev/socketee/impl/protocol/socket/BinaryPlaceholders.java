package dev.socketee.impl.protocol.socket;

import dev.socketee.impl.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts binary attachments back where a BINARY_EVENT / BINARY_ACK has
 * {@code {"_placeholder":true,"num":N}}. Every attachment must be referenced by a valid index.
 */
final class BinaryPlaceholders {

    private BinaryPlaceholders() {
    }

    static Object replace(Object value, List<byte[]> attachments) {
        if (value instanceof Map<?, ?> map) {
            if (Boolean.TRUE.equals(map.get("_placeholder"))) { // like node's parser: any such object is a placeholder
                Object num = map.get("num");
                if (!(num instanceof Integer i) || i < 0 || i >= attachments.size()) {
                    throw new ProtocolException("Bad attachment placeholder " + num);
                }
                return attachments.get(i);
            }
            Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> copy.put(k, replace(v, attachments)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(replace(o, attachments));
            }
            return copy;
        }
        return value;
    }
}
