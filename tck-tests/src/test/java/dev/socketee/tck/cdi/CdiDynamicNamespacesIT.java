package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.socketee.impl.cdi.SocketeeRuntime;
import dev.socketee.impl.sio.Namespace;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Dynamic namespaces (the CDI app's {@code ^/dyn-\d+$}) go away when their last socket leaves, also
 * when the only connection was refused; a refused socket leaves no room behind; one connection
 * may be on at most 100 namespaces at once. Looks into the server, so it runs on the embedded one.
 */
class CdiDynamicNamespacesIT {

    @Test
    void dynamicNamespacesAndTheirRoomsGoWhenEmptyAndOneConnectionIsCapped() throws Exception {
        CdiTestServer.baseUri();
        SocketeeRuntime runtime = SocketeeRuntime.current();
        assumeTrue(runtime != null, "needs the embedded CDI server");

        try (CdiRawSocket c = CdiRawSocket.open()) {
            for (int i = 0; i < 500; i++) { // join and leave: nothing may stay
                c.send("40/dyn-" + i + ",");
                c.awaitPrefix("40/dyn-" + i + ",{");
                c.send("41/dyn-" + i + ",");
            }
            c.send("40/dyn-100000,{\"refuse\":true}");
            c.awaitPrefix("44/dyn-100000,{\"message\":\"refused\"");

            c.send("40");
            c.awaitPrefix("40{");
            for (int i = 0; i < 99; i++) { // "/" and 99 dynamic ones: the cap of 100
                c.send("40/dyn-" + (200_000 + i) + ",");
            }
            c.awaitPrefix("40/dyn-200098,{");
            c.send("40/dyn-300000,");
            assertEquals("44/dyn-300000,{\"message\":\"Too many namespaces\"}", c.awaitPrefix("44/dyn-300000,"));
            assertEquals(99, dynamicNames(runtime).size(), "the held ones: " + dynamicNames(runtime));
            assertEquals(Set.of("dyn-room"), rooms(runtime, "/dyn-200000"), "the admitted socket's room");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!dynamicNames(runtime).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the server sees the close asynchronously
        }
        assertEquals(Set.of(), dynamicNames(runtime), "dynamic namespaces left after the connection closed");
    }

    private static Set<String> dynamicNames(SocketeeRuntime runtime) {
        Set<String> names = new TreeSet<>();
        for (Namespace n : runtime.sioServer().namespaces()) {
            if (n.name().startsWith("/dyn-")) {
                names.add(n.name());
            }
        }
        return names;
    }

    /** The rooms of a namespace other than the sockets' own ones. */
    private static Set<String> rooms(SocketeeRuntime runtime, String namespace) {
        Namespace n = runtime.sioServer().namespace(namespace);
        Set<String> rooms = new TreeSet<>(n.rooms());
        n.sockets().forEach(s -> rooms.remove(s.id()));
        return rooms;
    }
}
