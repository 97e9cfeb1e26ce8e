package dev.socketee.admin;

import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code server_stats} of this node (node's {@code emitStats}): its id, host, pid, uptime in
 * seconds, Engine.IO connections (and how many are on polling), the counts since the last one,
 * and each namespace with its socket count. The UI lists one server per server id.
 */
final class ServerStats {

    private final SioServer server;
    private final String serverId;
    private final EventBuffer buffer;
    private final Clock clock;
    private final long startedMillis;

    ServerStats(SioServer server, String serverId, EventBuffer buffer, Clock clock) {
        this.server = server;
        this.serverId = serverId;
        this.buffer = buffer;
        this.clock = clock;
        this.startedMillis = clock.millis();
    }

    /** With {@code takeCounts}, the counts since the last stats go with it (and are gone); without, an empty list. */
    Map<String, Object> next(boolean takeCounts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serverId", serverId);
        m.put("hostname", HostInfo.hostname());
        m.put("pid", HostInfo.pid());
        m.put("uptime", (clock.millis() - startedMillis) / 1000.0);
        m.put("clientsCount", server.engine() == null ? 0 : server.engine().connectionCount());
        List<Map<String, Object>> namespaces = new ArrayList<>();
        Set<String> polling = new HashSet<>();
        for (Namespace n : server.namespaces()) {
            int count = 0;
            for (SioSocket s : n.sockets()) {
                count++;
                if ("polling".equals(s.client().engine().transport())) {
                    polling.add(s.client().engine().id());
                }
            }
            namespaces.add(Map.of("name", n.name(), "socketsCount", count));
        }
        m.put("pollingClientsCount", polling.size()); // of the connections on a namespace; one on none yet is not seen here
        m.put("aggregatedEvents", takeCounts ? buffer.takeAll() : List.of());
        m.put("namespaces", namespaces);
        return m;
    }
}
