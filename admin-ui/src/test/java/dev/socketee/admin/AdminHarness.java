package dev.socketee.admin;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import dev.socketee.impl.sio.SioServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real {@link SioServer} and engine with in-memory connections (what a client sends goes
 * straight into its session; what the server writes is kept as Socket.IO packet texts), a fixed
 * clock and a ticker the test runs by hand.
 */
final class AdminHarness implements AutoCloseable {

    /** bcrypt (bcryptjs 2.4.3, cost 4) of "admin-secret". */
    static final String HASH = "$2a$04$Wrr6T73PEaTwQ7stvB6xJueGPL5WxQRcAx3CUGCSrbyRnelYRmbcq";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:00:00.250Z"), ZoneOffset.UTC);

    final SioServer io;
    final List<Runnable> ticks = new ArrayList<>();
    AdminUi admin;

    AdminHarness() {
        io = new SioServer(EngineIoOptions.builder().pingInterval(Duration.ofSeconds(60)).pingTimeout(Duration.ofSeconds(60)).build(),
                Duration.ofSeconds(60));
    }

    /** A node of a cluster whose adapters come from {@code factory}. */
    AdminHarness(dev.socketee.adapter.AdapterFactory factory) {
        this();
        io.adapterFactory(factory);
    }

    static AdminUiOptions options(boolean readOnly, boolean development) {
        return options(readOnly, development, "node-1");
    }

    static AdminUiOptions options(boolean readOnly, boolean development, String serverId) {
        return new AdminUiOptions("/admin", true, "admin", HASH, readOnly, development, serverId, Duration.ofSeconds(2));
    }

    AdminHarness start(AdminUiOptions options) {
        io.start();
        admin = new AdminUi(io, options, CLOCK, (interval, task) -> {
            ticks.add(task);
            return () -> ticks.remove(task);
        });
        return this;
    }

    void tick() {
        new ArrayList<>(ticks).forEach(Runnable::run);
    }

    Connection open() {
        Connection c = new Connection();
        c.session = io.engine().open(c, new HandshakeInfo(Map.of("user-agent", List.of("test")), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), CLOCK.millis(), null, null));
        c.session.onWritable(c);
        return c;
    }

    /** An admin connection logged in with the right password, its CONNECT reply received. */
    Connection admin() throws InterruptedException {
        Connection c = open();
        c.send("40/admin,{\"username\":\"admin\",\"password\":\"admin-secret\"}");
        c.awaitPrefix("0/admin,{");
        return c;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        if (io.engine() != null) {
            io.engine().close();
        }
    }

    /** One client connection, as a websocket-like transport that takes each batch at once. */
    static final class Connection implements Transport {
        volatile EngineSession session;
        private final List<String> received = new ArrayList<>();

        @Override
        public String name() {
            return "websocket";
        }

        @Override
        public void send(List<EnginePacket> packets) {
            for (List<EnginePacket> batch = packets; batch != null; batch = session.pollBatch(this)) {
                synchronized (received) {
                    for (EnginePacket p : batch) {
                        if (p.type() == EnginePacketType.MESSAGE && !p.isBinary()) {
                            received.add(p.text());
                        }
                    }
                    received.notifyAll();
                }
            }
        }

        @Override
        public void close() {
        }

        /** A Socket.IO packet as on the wire after the Engine.IO type, e.g. {@code "0/admin,{...}"}; the leading 4 is the Engine.IO MESSAGE. */
        void send(String wire) {
            session.onPacket(this, EnginePacket.message(wire.substring(1)));
        }

        void drop() {
            session.onClose(EngineCloseReason.TRANSPORT_CLOSE);
        }

        List<String> received() {
            synchronized (received) {
                return new ArrayList<>(received);
            }
        }

        String await(Predicate<String> match) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            synchronized (received) {
                while (true) {
                    for (String p : received) {
                        if (match.test(p)) {
                            return p;
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no matching packet; received " + received);
                    }
                    received.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        String awaitPrefix(String prefix) throws InterruptedException {
            return await(p -> p.startsWith(prefix));
        }

        /** The arguments of the first admin event of that name, parsed. */
        List<Object> awaitAdminEvent(String event) throws InterruptedException {
            return awaitAdminEvent(event, args -> true);
        }

        @SuppressWarnings("unchecked")
        List<Object> awaitAdminEvent(String event, Predicate<List<Object>> match) throws InterruptedException {
            String p = await(text -> {
                if (!text.startsWith("2/admin,[\"" + event + "\"")) {
                    return false;
                }
                List<Object> all = (List<Object>) JsonReader.parse(text.substring("2/admin,".length()));
                return match.test(all.subList(1, all.size()));
            });
            List<Object> all = (List<Object>) JsonReader.parse(p.substring("2/admin,".length()));
            return all.subList(1, all.size());
        }

        boolean hasAdminEvent(String event) {
            return received().stream().anyMatch(t -> t.startsWith("2/admin,[\"" + event + "\""));
        }
    }
}
