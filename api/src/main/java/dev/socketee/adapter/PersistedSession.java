package dev.socketee.adapter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A socket's state kept for connection state recovery (node's {@code Session}): its id, private
 * id, rooms, session data, and on restore the packets it missed (each as {@link OutboundPacket#data()}).
 */
public record PersistedSession(String sid, String pid, Set<String> rooms, Map<String, Object> data, List<List<Object>> missedPackets) {
}
