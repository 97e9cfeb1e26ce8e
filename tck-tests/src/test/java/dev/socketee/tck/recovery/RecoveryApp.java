package dev.socketee.tck.recovery;

import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.RecoveryOptions;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.RawJson;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Socket.IO server with connection state recovery on (a 5 s window, on a clock the scenario
 * moves forward with {@code advance-clock} instead of waiting), for scenarios/recovery-killed-connection.mjs. Hooks
 * on {@code /}: {@code join} (room), {@code set-data} (key, value), {@code whoami} (acks id,
 * recovered, rooms, data), {@code push} (target room or id, event, n: the server emits to it),
 * {@code disconnect-seen} (id: acks the reason once the server saw it go, else null; each going is told once).
 * pingInterval 500 ms, pingTimeout 500 ms: a polling client whose TCP connection died is noticed
 * within a second (a suspended request's peer reset is not reported by every container).
 */
final class RecoveryApp {

    static final Duration WINDOW = Duration.ofSeconds(5);
    private static final AtomicLong CLOCK_SHIFT = new AtomicLong();
    private static final Map<String, String> GONE = new ConcurrentHashMap<>();

    private RecoveryApp() {
    }

    private static Object plain(Object arg) {
        return arg instanceof RawJson r ? JsonReader.parse(r.json()) : arg;
    }

    static void setUp(ServletContext context) {
        SioServer io = new SioServer(EngineIoOptions.builder().path("/socket.io")
                .pingInterval(Duration.ofMillis(500)).pingTimeout(Duration.ofMillis(500)).build(), Duration.ofMillis(2000));
        io.recovery(RecoveryOptions.of(WINDOW));
        io.adapterFactory(host -> new InMemoryAdapter(host, () -> System.currentTimeMillis() + CLOCK_SHIFT.get()));
        io.namespace("/", new NamespaceHandlers()
                .onDisconnect((socket, reason) -> GONE.put(socket.id(), reason))
                .on("join", (socket, event, args, ack) -> {
                    socket.join(String.valueOf(plain(args.get(0))));
                    ack.send(List.of(true));
                })
                .on("set-data", (socket, event, args, ack) -> {
                    socket.data().put(String.valueOf(plain(args.get(0))), plain(args.get(1)));
                    ack.send(List.of(true));
                })
                .on("whoami", (socket, event, args, ack) -> ack.send(List.of(Map.of("id", socket.id(),
                        "recovered", socket.recovered(), "rooms", List.copyOf(new java.util.TreeSet<>(socket.rooms())),
                        "data", Map.copyOf(socket.data())))))
                .on("push", (socket, event, args, ack) -> {
                    Namespace ns = socket.namespace();
                    ns.to(String.valueOf(plain(args.get(0)))).emit(String.valueOf(plain(args.get(1))), plain(args.get(2)));
                    ack.send(List.of(true));
                })
                .on("push-all", (socket, event, args, ack) -> {
                    socket.namespace().broadcast().emit(String.valueOf(plain(args.get(0))), plain(args.get(1)));
                    ack.send(List.of(true));
                })
                .on("advance-clock", (socket, event, args, ack) -> {
                    CLOCK_SHIFT.addAndGet(((Number) plain(args.get(0))).longValue());
                    ack.send(List.of(true));
                })
                .on("disconnect-seen", (socket, event, args, ack) -> {
                    String reason = GONE.remove(String.valueOf(plain(args.get(0)))); // each disconnect seen once: a recovered socket goes again under the same id
                    ack.send(java.util.Collections.singletonList(reason));
                }));
        io.attach(context);
    }
}
