package dev.socketee.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The heap 10,000 kept sessions take (each: 20-character id and private id, its own room and one
 * more, one entry of session data), and 10,000 kept packets: retained heap after full GCs, printed
 * for the README. A measurement with a generous bound, not a timed test.
 */
class SessionStoreMemoryTest {

    private static final int N = 10_000;

    @Test
    void tenThousandSessions() {
        Random random = new Random(1);
        long before = usedAfterGc();
        SessionStore store = new SessionStore(RecoveryOptions.of(Duration.ofMinutes(2)), System::currentTimeMillis);
        for (int i = 0; i < N; i++) {
            String sid = id(random);
            store.persist(new PersistedSession(sid, id(random), Set.of(sid, "room-" + (i % 100)), Map.of("user", "user-" + i), List.of()));
        }
        long sessions = usedAfterGc() - before;
        for (int i = 0; i < N; i++) {
            store.append(new RecordingHost.Plain(List.of("news", Map.of("id", i, "text", "headline " + i))), BroadcastOptions.rooms(Set.of("room-" + (i % 100))),
                    (p, offset) -> new RecordingHost.Plain(concat(p.data(), offset)));
        }
        long all = usedAfterGc() - before;
        assertEquals(N, store.sessionCount());
        assertEquals(N, store.packetCount());
        System.out.printf("recovery store: %d sessions %.1f MB (%d B each); + %d packets %.1f MB (%d B each)%n",
                N, sessions / 1e6, sessions / N, N, (all - sessions) / 1e6, (all - sessions) / N);
        assertTrue(sessions < 20_000_000, "10k sessions took " + sessions + " bytes");
        assertTrue(store.sessionCount() > 0); // keeps the store reachable until here
    }

    private static List<Object> concat(List<Object> data, Object last) {
        List<Object> d = new java.util.ArrayList<>(data);
        d.add(last);
        return d;
    }

    private static String id(Random random) {
        byte[] b = new byte[15];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
