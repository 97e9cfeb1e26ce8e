package dev.socketee.adapter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A socket's state kept for connection state recovery (node's {@code Session}): its id, private
 * id, rooms, session data, and on restore the packets it missed, oldest first, each an EVENT
 * whose last argument is its offset (a cluster adapter makes them with {@link NamespaceHost#packet}).
 */
public record PersistedSession(String sid, String pid, Set<String> rooms, Map<String, Object> data, List<OutboundPacket> missedPackets) {

    public PersistedSession {
        rooms = Set.copyOf(rooms);
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        missedPackets = List.copyOf(missedPackets);
    }

    /** The same session with the packets it missed. */
    public PersistedSession withMissedPackets(List<OutboundPacket> missed) {
        return new PersistedSession(sid, pid, rooms, data, missed);
    }
}
