package dev.socketee.admin;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.sio.InMemoryConnection;
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
 * A real {@link SioServer} and engine with {@link InMemoryConnection}s (what a client sends goes
 * straight into its session; what the server writes is kept as packet texts as on the wire), a
 * fixed clock and a ticker the test runs by hand.
 */
final class AdminHarness implements AutoCloseable {

    /** bcrypt (bcryptjs 2.4.3, cost 4) of "admin-secret". */
    static final String HASH = "$2a$04$Wrr6T73PEaTwQ7stvB6xJueGPL5WxQRcAx3CUGCSrbyRnelYRmbcq";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:00:00.250Z"), ZoneOffset.UTC);

    /** An admin namespace EVENT as on the wire, up to its JSON array. */
    private static final String EVENT = "42/admin,";

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
        c.open(io.engine(), new HandshakeInfo(Map.of("user-agent", List.of("test")), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), CLOCK.millis(), null, null), 4);
        return c;
    }

    /** An application client connected to the main namespace, its CONNECT reply received. */
    Connection app() throws InterruptedException {
        Connection c = open();
        c.send("40");
        c.sid = (String) ((Map<?, ?>) JsonReader.parse(c.awaitPrefix("40{").substring(2))).get("sid");
        return c;
    }

    /** An admin connection logged in with the right password, its CONNECT reply received. */
    Connection admin() throws InterruptedException {
        Connection c = open();
        c.send("40/admin,{\"username\":\"admin\",\"password\":\"admin-secret\"}");
        c.awaitPrefix("40/admin,{");
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

    /** One client connection (as on the wire: {@code "42/admin,[...]"}), with the admin namespace's events parsed. */
    static final class Connection extends InMemoryConnection {
        /** The socket id in the main namespace ({@link AdminHarness#app}). */
        String sid;

        /** The arguments of the first admin event of that name, parsed. */
        List<Object> awaitAdminEvent(String event) throws InterruptedException {
            return awaitAdminEvent(event, args -> true);
        }

        List<Object> awaitAdminEvent(String event, Predicate<List<Object>> match) throws InterruptedException {
            return arguments(await(text -> text.startsWith(EVENT + "[\"" + event + "\"") && match.test(arguments(text))));
        }

        boolean hasAdminEvent(String event) {
            return received().stream().anyMatch(t -> t.startsWith(EVENT + "[\"" + event + "\""));
        }

        @SuppressWarnings("unchecked")
        private static List<Object> arguments(String event) {
            List<Object> all = (List<Object>) JsonReader.parse(event.substring(EVENT.length()));
            return all.subList(1, all.size());
        }
    }
}
