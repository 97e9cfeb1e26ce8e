package dev.socketee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.sio.NamespaceHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes linked through their adapters: an admin on one sees, and acts on, the sockets of the other. */
class AdminClusterTest {

    private final LinkedNodes cluster = new LinkedNodes();
    private final AdminHarness one = new AdminHarness(cluster.factory());
    private final AdminHarness two = new AdminHarness(cluster.factory());

    @AfterEach
    void stop() {
        one.close();
        two.close();
    }

    private static String connect(AdminHarness node) throws InterruptedException {
        return node.app().sid;
    }

    /** Server-side emits are handled on the other node's callback threads: wait for what they cause. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aSocketOnAnotherNodeIsListedStreamedCountedAndDisconnectable() throws Exception {
        for (AdminHarness node : List.of(one, two)) {
            node.io.namespace("/", new NamespaceHandlers());
        }
        one.start(AdminHarness.options(false, true, "node-1"));
        two.start(AdminHarness.options(false, true, "node-2"));
        String early = connect(two);
        assertNull(two.io.observer(), "nobody watches anywhere: node two captures nothing");

        AdminHarness.Connection admin = one.admin();
        List<?> all = (List<?>) admin.awaitAdminEvent("all_sockets").get(0);
        assertTrue(all.stream().anyMatch(s -> early.equals(((Map<?, ?>) s).get("id"))), () -> "node two's socket in all_sockets: " + all);
        await(() -> two.io.observer() != null, "node two heard that an admin watches and captures");

        String later = connect(two);
        admin.awaitAdminEvent("socket_connected", a -> later.equals(((Map<?, ?>) a.get(0)).get("id")));

        two.tick();
        admin.awaitAdminEvent("server_stats", a -> "node-2".equals(((Map<?, ?>) a.get(0)).get("serverId")));

        admin.send("42/admin,[\"_disconnect\",\"/\",false,\"" + later + "\"]");
        await(() -> two.io.namespace("/").socket(later) == null, "the UI's disconnect reached node two's socket");
        admin.awaitAdminEvent("socket_disconnected", a -> later.equals(a.get(1)));
        assertEquals(early, two.io.namespace("/").socket(early).id(), "the other socket of node two is left alone");

        admin.drop();
        one.tick(); // node one has no admin now: it stops telling node two
        assertNull(one.io.observer());
    }
}
