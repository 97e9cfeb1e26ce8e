package dev.socketee.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of what happened per second (node's EventBuffer): connections opened and closed (with
 * the close reason), packets and bytes in and out. Each server_stats takes and clears them; the
 * UI's dashboard charts them.
 */
final class EventBuffer {

    private record Key(long second, String type, String subType) {
    }

    private final Clock clock;
    private final Map<Key, long[]> counts = new LinkedHashMap<>();

    EventBuffer(Clock clock) {
        this.clock = clock;
    }

    void push(String type, String subType, long count) {
        long now = clock.millis();
        Key k = new Key(now - Math.floorMod(now, 1000L), type, subType);
        synchronized (counts) {
            counts.computeIfAbsent(k, x -> new long[1])[0] += count;
        }
    }

    /** {@code [{timestamp, type, subType?, count}]} since the last call, oldest first; empty afterwards. */
    List<Map<String, Object>> takeAll() {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (counts) {
            counts.forEach((k, v) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("timestamp", k.second());
                m.put("type", k.type());
                if (k.subType() != null) {
                    m.put("subType", k.subType());
                }
                m.put("count", v[0]);
                out.add(m);
            });
            counts.clear();
        }
        return out;
    }

    boolean isEmpty() {
        synchronized (counts) {
            return counts.isEmpty();
        }
    }

    @Override
    public String toString() {
        return Objects.toString(counts.keySet());
    }
}
