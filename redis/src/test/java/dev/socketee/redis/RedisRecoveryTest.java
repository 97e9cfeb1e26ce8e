package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.OutboundPacket;
import dev.socketee.adapter.PersistedSession;
import dev.socketee.adapter.RecoveryOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Connection state recovery with the Redis adapter on two nodes: each node keeps what its local
 * part sent (other nodes' broadcasts included) with offsets of its own, so a client that comes
 * back to the same node recovers, and one that lands on another node connects afresh.
 */
class RedisRecoveryTest {

    private static OutboundPacket event(String name) {
        return new TestPacket(OutboundPacket.EVENT, "/", List.of(name), null);
    }

    private static Object last(TestHost.Write w) {
        return w.packet().data().get(w.packet().data().size() - 1);
    }

    @Test
    void sameNodeRecoversWhatOtherNodesBroadcastAnotherNodeDoesNot() throws Exception {
        try (TestCluster c = TestCluster.redis(RedisServer.shared().uri(), RedisTestSupport.options(), "/", 2,
                RecoveryOptions.of(Duration.ofMinutes(1)))) {
            TestHost a = c.host(0);
            TestHost b = c.host(1);
            a.connect("s1", "news");
            a.connect("s2", "news"); // stays: tells when b's broadcast reached a
            b.connect("w", "news");
            c.adapter(0).broadcast(event("seen"), BroadcastOptions.rooms(Set.of("news")));
            String offset = (String) last(a.writes("seen").stream().filter(w -> w.socketId().equals("s1")).findFirst().orElseThrow());
            b.await(x -> !x.writes("seen").isEmpty(), "seen");
            assertEquals(2, b.writes("seen").get(0).packet().data().size(), "a peer gets the packet without the sender's offset, and adds its own");

            c.adapter(0).persistSession(new PersistedSession("s1", "p1", Set.of("s1", "news"), Map.of("user", "ann"), List.of()));
            c.adapter(0).delAll("s1");
            c.adapter(1).broadcast(event("from-b"), BroadcastOptions.rooms(Set.of("news")));
            a.await(x -> x.writes("from-b").stream().anyMatch(w -> w.socketId().equals("s2")), "from-b");

            Optional<PersistedSession> elsewhere = c.adapter(1).restoreSession("p1", offset).toCompletableFuture().join();
            assertTrue(elsewhere.isEmpty(), "another node knows neither the pid nor the offset");
            PersistedSession back = c.adapter(0).restoreSession("p1", offset).toCompletableFuture().join().orElseThrow();
            assertEquals(1, back.missedPackets().size());
            List<Object> missed = back.missedPackets().get(0).data();
            assertEquals("from-b", missed.get(0));
            assertTrue(missed.get(1) instanceof String, "with a's offset: " + missed);
        }
    }
}
