package dev.socketee.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The recovery state of a namespace: what is given back, in which order, and what goes when (a fake clock). */
class SessionStoreTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    private SessionStore store(int maxSessions, int maxPackets, long maxBytes) {
        return new SessionStore(new RecoveryOptions(Duration.ofSeconds(10), true, maxSessions, maxPackets, maxBytes), now::get);
    }

    private SessionStore store() {
        return store(100, 100, 1 << 20);
    }

    private static OutboundPacket withOffset(OutboundPacket p, String offset) {
        List<Object> d = new ArrayList<>(p.data());
        d.add(offset);
        return new RecordingHost.Plain(d);
    }

    private static String offsetOf(OutboundPacket p) {
        return (String) p.data().get(p.data().size() - 1);
    }

    private OutboundPacket send(SessionStore s, String event, Set<String> rooms, Set<String> except) {
        return s.append(new RecordingHost.Plain(List.of(event)), new BroadcastOptions(rooms, except, BroadcastFlags.NONE), SessionStoreTest::withOffset);
    }

    private static PersistedSession session(String sid, String pid, String... rooms) {
        Set<String> r = new java.util.HashSet<>(Set.of(rooms));
        r.add(sid);
        return new PersistedSession(sid, pid, r, Map.of("user", "ann"), List.of());
    }

    private static List<Object> events(PersistedSession s) {
        return s.missedPackets().stream().map(p -> p.data().get(0)).toList();
    }

    @Test
    void givesBackTheSessionWithWhatItMissedInOrder() {
        SessionStore s = store();
        String last = offsetOf(send(s, "seen", Set.of(), Set.of()));
        s.persist(session("sid1", "pid1", "news"));
        send(s, "all", Set.of(), Set.of());
        send(s, "news", Set.of("news"), Set.of());
        send(s, "sport", Set.of("sport"), Set.of());
        send(s, "direct", Set.of("sid1"), Set.of());
        send(s, "not-news", Set.of(), Set.of("news"));
        send(s, "all-again", Set.of(), Set.of());
        PersistedSession back = s.restore("pid1", last).orElseThrow();
        assertEquals("sid1", back.sid());
        assertEquals(Set.of("sid1", "news"), back.rooms());
        assertEquals(Map.of("user", "ann"), back.data());
        assertEquals(List.of("all", "news", "direct", "all-again"), events(back));
        assertTrue(back.missedPackets().stream().allMatch(p -> offsetOf(p).startsWith(last.substring(0, last.indexOf('-') + 1))));
    }

    @Test
    void offsetsAreDistinctAndTheSessionIsGivenOutOnce() {
        SessionStore s = store();
        String a = offsetOf(send(s, "a", Set.of(), Set.of()));
        String b = offsetOf(send(s, "b", Set.of(), Set.of()));
        assertNotEquals(a, b);
        s.persist(session("sid1", "pid1"));
        assertEquals(List.of("b"), events(s.restore("pid1", a).orElseThrow()));
        assertTrue(s.restore("pid1", a).isEmpty(), "a second connection with the same pid connects afresh");
    }

    @Test
    void unknownPidOrOffsetFallsBack() {
        SessionStore s = store();
        String a = offsetOf(send(s, "a", Set.of(), Set.of()));
        s.persist(session("sid1", "pid1"));
        assertTrue(s.restore("nope", a).isEmpty());
        s.persist(session("sid2", "pid2"));
        assertTrue(s.restore("pid2", "garbage").isEmpty());
        s.persist(session("sid3", "pid3"));
        String otherStore = offsetOf(send(store(), "x", Set.of(), Set.of()));
        assertTrue(s.restore("pid3", otherStore).isEmpty(), "an offset of another store (node, namespace, restart) is unknown");
        s.persist(session("sid4", "pid4"));
        String future = a.substring(0, a.indexOf('-') + 1) + "zzzz";
        assertTrue(s.restore("pid4", future).isEmpty(), "an offset never given");
    }

    @Test
    void sessionsExpireAfterTheWindow() {
        SessionStore s = store();
        String a = offsetOf(send(s, "a", Set.of(), Set.of()));
        s.persist(session("sid1", "pid1"));
        now.addAndGet(5_000);
        s.persist(session("sid2", "pid2"));
        now.addAndGet(5_001); // sid1 gone 10.001 s, sid2 5.001 s
        s.evictExpired();
        assertEquals(1, s.sessionCount());
        assertTrue(s.restore("pid1", a).isEmpty());
        assertEquals(List.of(), events(s.restore("pid2", a).orElseThrow()), "its offset's packet expired, but nothing newer was sent");
    }

    @Test
    void aClientThatMissedNothingRecoversAfterItsLastPacketExpired() {
        SessionStore s = store();
        String a = offsetOf(send(s, "a", Set.of(), Set.of()));
        now.addAndGet(8_000);
        s.persist(session("sid1", "pid1"));
        now.addAndGet(3_000); // packet a is 11 s old, gone; the session 3 s
        s.evictExpired();
        assertEquals(0, s.packetCount());
        assertEquals(List.of(), events(s.restore("pid1", a).orElseThrow()));
    }

    @Test
    void aClientWhoseMissedPacketsExpiredConnectsAfresh() {
        SessionStore s = store();
        String a = offsetOf(send(s, "a", Set.of(), Set.of()));
        s.persist(session("sid1", "pid1"));
        send(s, "b", Set.of(), Set.of());
        now.addAndGet(9_000);
        send(s, "c", Set.of(), Set.of());
        s.persist(session("sid2", "pid2"));
        now.addAndGet(2_000); // a and b expired, c stays; sid1 expired, sid2 not
        assertTrue(s.restore("pid2", a).isEmpty(), "b was missed and is gone");
    }

    @Test
    void packetCountIsBounded() {
        SessionStore s = store(100, 3, 1 << 20);
        String first = offsetOf(send(s, "1", Set.of(), Set.of()));
        String second = offsetOf(send(s, "2", Set.of(), Set.of()));
        s.persist(session("sid1", "pid1"));
        s.persist(session("sid2", "pid2"));
        send(s, "3", Set.of(), Set.of());
        send(s, "4", Set.of(), Set.of()); // drops 1
        send(s, "5", Set.of(), Set.of()); // drops 2
        assertEquals(3, s.packetCount());
        assertTrue(s.restore("pid1", first).isEmpty(), "2 was missed and dropped");
        assertEquals(List.of("3", "4", "5"), events(s.restore("pid2", second).orElseThrow()));
    }

    @Test
    void packetBytesAreBoundedButTheNewestStays() {
        SessionStore s = store(100, 1000, 100);
        for (int i = 0; i < 50; i++) {
            send(s, "e" + i, Set.of(), Set.of());
        }
        assertTrue(s.packetBytes() <= 100, "bytes " + s.packetBytes());
        assertTrue(s.packetCount() > 1);
        s.append(new RecordingHost.Plain(List.of("x".repeat(500))), BroadcastOptions.all(), SessionStoreTest::withOffset);
        assertEquals(1, s.packetCount(), "one packet larger than the bound is kept alone");
    }

    @Test
    void sessionCountIsBoundedEldestFirst() {
        SessionStore s = store(2, 100, 1 << 20);
        String a = offsetOf(send(s, "a", Set.of(), Set.of()));
        s.persist(session("sid1", "pid1"));
        s.persist(session("sid2", "pid2"));
        s.persist(session("sid3", "pid3"));
        assertEquals(List.of("pid2", "pid3"), s.pids());
        assertTrue(s.restore("pid1", a).isEmpty());
        assertTrue(s.restore("pid3", a).isPresent());
    }

    @Test
    void persistingAgainRenewsTheSession() {
        SessionStore s = store(2, 100, 1 << 20);
        s.persist(session("sid1", "pid1"));
        s.persist(session("sid2", "pid2"));
        now.addAndGet(1);
        s.persist(session("sid1", "pid1")); // recovered, lost again
        assertEquals(List.of("pid2", "pid1"), s.pids());
    }

    @Test
    void theRingGrowsAndWrapsKeepingOrder() {
        SessionStore s = store(100, 40, 1 << 20);
        String last = null;
        for (int i = 0; i < 100; i++) {
            String o = offsetOf(send(s, "e" + i, Set.of(), Set.of()));
            if (i == 79) {
                last = o;
            }
        }
        s.persist(session("sid1", "pid1"));
        List<Object> expected = new ArrayList<>();
        for (int i = 80; i < 100; i++) {
            expected.add("e" + i);
        }
        assertEquals(expected, events(s.restore("pid1", last).orElseThrow()));
    }
}
