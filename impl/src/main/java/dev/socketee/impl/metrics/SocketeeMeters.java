package dev.socketee.impl.metrics;

import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.SioDisconnectReason;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every meter of one running server (README, "Operations: health and metrics"): the counters
 * {@link Counters} adds up, and gauges read from the live server state when asked (sockets per
 * namespace, sessions per transport, acks pending), so the gauges cost nothing between scrapes.
 */
public final class SocketeeMeters {

    private final SioServer server;
    private final Counters counters;

    public SocketeeMeters(SioServer server, Counters counters) {
        this.server = server;
        this.counters = counters;
    }

    public Counters counters() {
        return counters;
    }

    /**
     * The meters now: the per-namespace gauges cover the namespaces that exist at this call (a
     * registry that keeps meters binds once, so it sees the declared ones; the built-in endpoint
     * asks on every scrape and sees dynamic ones too).
     */
    public List<Meter> all() {
        List<Meter> m = new ArrayList<>(64);
        for (Namespace n : server.namespaces()) {
            m.add(Meter.gauge("socketee.sockets.connected", "Sockets connected to the namespace now",
                    Map.of("namespace", n.name()), () -> n.sockets().size()));
        }
        m.add(Meter.gauge("socketee.engine.sessions", "Engine.IO sessions open now, by current transport",
                Map.of("transport", "polling"), () -> sessionsOn("polling")));
        m.add(Meter.gauge("socketee.engine.sessions", "Engine.IO sessions open now, by current transport",
                Map.of("transport", "websocket"), () -> sessionsOn("websocket")));
        m.add(counter("socketee.engine.sessions.opened", "Engine.IO sessions opened, by handshake transport",
                Map.of("transport", "polling"), counters.pollingOpened));
        m.add(counter("socketee.engine.sessions.opened", "Engine.IO sessions opened, by handshake transport",
                Map.of("transport", "websocket"), counters.websocketOpened));
        for (EngineCloseReason r : EngineCloseReason.values()) {
            m.add(counter("socketee.engine.sessions.closed", "Engine.IO sessions closed, by engine close reason",
                    Map.of("reason", r.wireName()), counters.sessionsClosed[r.ordinal()]));
        }
        m.add(counter("socketee.engine.upgrades", "Sessions upgraded from polling to websocket", Map.of(), counters.upgrades));
        m.add(counter("socketee.engine.slow.consumers.closed", "Sessions closed because their outbound buffer overflowed",
                Map.of(), counters.slowConsumers));
        m.add(counter("socketee.engine.bytes.in", "Engine.IO message payload received (text characters, binary bytes)",
                Map.of(), counters.bytesIn));
        m.add(counter("socketee.engine.bytes.out", "Engine.IO packets queued for clients (payload plus one per packet)",
                Map.of(), counters.bytesOut));
        m.add(counter("socketee.socket.connects", "Sockets admitted to a namespace", Map.of(), counters.socketsConnected));
        for (SioDisconnectReason r : SioDisconnectReason.values()) {
            m.add(counter("socketee.socket.disconnects", "Sockets that left their namespace, by disconnect reason",
                    Map.of("reason", r.wireName()), counters.socketsDisconnected[r.ordinal()]));
        }
        m.add(counter("socketee.events.in", "EVENT packets received from clients", Map.of(), counters.eventsIn));
        m.add(counter("socketee.events.out", "EVENT packets written to sockets (a broadcast once per recipient)",
                Map.of(), counters.eventsOut));
        m.add(counter("socketee.broadcasts", "Broadcasts started on this node", Map.of(), counters.broadcasts));
        m.add(counter("socketee.broadcast.recipients", "Local sockets written to by broadcasts (divided by broadcasts: the mean fan-out)",
                Map.of(), counters.broadcastRecipients));
        m.add(Meter.gauge("socketee.acks.pending", "Acknowledgements the server waits for from clients now",
                Map.of(), this::pendingAcks));
        m.add(counter("socketee.acks.timed.out", "Acknowledgements that did not come in time", Map.of(), counters.acksTimedOut));
        m.add(counter("socketee.cluster.requests", "Requests to the other nodes (fetchSockets, serverSideEmitWithAck, serverCount, broadcast acks)",
                Map.of(), counters.clusterRequests));
        m.add(counter("socketee.cluster.requests.failed", "Cluster requests that timed out or failed", Map.of(), counters.clusterRequestsFailed));
        m.add(Meter.counter("socketee.cluster.request.seconds", "Time spent in cluster requests (divided by requests: the mean latency)",
                Map.of(), () -> counters.clusterRequestNanos.sum() / 1e9));
        return m;
    }

    private static Meter counter(String name, String help, Map<String, String> tags, LongAdder adder) {
        return Meter.counter(name, help, tags, adder::sum);
    }

    private int sessionsOn(String transport) {
        EngineServer e = server.engine();
        return e == null ? 0 : e.sessionsOn(transport);
    }

    private long pendingAcks() {
        long n = 0;
        for (Namespace ns : server.namespaces()) {
            for (SioSocket s : ns.sockets()) {
                n += s.pendingAcks();
            }
        }
        return n;
    }
}
