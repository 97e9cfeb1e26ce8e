package dev.socketee.impl.sio.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class InMemoryRoomAdapterTest {

    private final InMemoryRoomAdapter adapter = new InMemoryRoomAdapter();

    private Set<String> targets(Set<String> rooms, Set<String> except) {
        List<String> visited = new ArrayList<>();
        adapter.forEachTarget(rooms, except, visited::add);
        Set<String> unique = new TreeSet<>(visited);
        assertEquals(unique.size(), visited.size(), "each socket once: " + visited);
        return unique;
    }

    @Test
    void roomsAndSidsAreOneRecord() {
        adapter.addAll("a", Set.of("a", "r1", "r2"));
        adapter.addAll("b", Set.of("b", "r1"));
        assertEquals(Set.of("a", "b"), adapter.sockets("r1"));
        assertEquals(Set.of("a", "r1", "r2"), adapter.socketRooms("a"));
        adapter.del("a", "r1");
        assertEquals(Set.of("b"), adapter.sockets("r1"));
        assertEquals(Set.of("a", "r2"), adapter.socketRooms("a"));
        adapter.delAll("a");
        assertEquals(Set.of(), adapter.socketRooms("a"));
        assertEquals(Set.of("b", "r1"), adapter.rooms(), "emptied rooms are gone");
        adapter.delAll("b");
        assertEquals(Set.of(), adapter.rooms());
    }

    @Test
    void broadcastTargets() {
        adapter.addAll("a", Set.of("a", "r1", "r2"));
        adapter.addAll("b", Set.of("b", "r1"));
        adapter.addAll("c", Set.of("c"));
        assertEquals(Set.of("a", "b", "c"), targets(Set.of(), Set.of()), "everyone");
        assertEquals(Set.of("b", "c"), targets(Set.of(), Set.of("a")), "everyone but a");
        assertEquals(Set.of("a", "b"), targets(Set.of("r1"), Set.of()));
        assertEquals(Set.of("a", "b"), targets(Set.of("r1", "r2"), Set.of()), "a union, a once");
        assertEquals(Set.of("b"), targets(Set.of("r1"), Set.of("r2")), "except a room");
        assertEquals(Set.of(), targets(Set.of("nobody"), Set.of()));
    }

    @Test
    void aSocketThatLeftEveryRoomIsStillReachedByEveryoneUntilDelAll() {
        adapter.addAll("a", Set.of("a"));
        adapter.del("a", "a");
        assertEquals(Set.of("a"), targets(Set.of(), Set.of()));
        adapter.delAll("a");
        assertEquals(Set.of(), targets(Set.of(), Set.of()));
    }

    /** One socket joins rooms while their last member leaves them, many times over: every join must hold. */
    @Test
    void aJoinRacingTheLastLeaveOfTheRoomIsKept() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 300; i++) {
                List<String> rooms = new ArrayList<>();
                for (int j = 0; j < 50; j++) {
                    rooms.add("r" + i + "-" + j);
                }
                adapter.addAll("a", Set.copyOf(rooms));
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                var leave = pool.submit(() -> {
                    go.await();
                    rooms.forEach(r -> adapter.del("a", r));
                    return null;
                });
                var join = pool.submit(() -> {
                    go.await();
                    rooms.forEach(r -> adapter.addAll("b", Set.of(r)));
                    return null;
                });
                go.countDown();
                leave.get();
                join.get();
                for (String r : rooms) {
                    assertEquals(Set.of("b"), adapter.sockets(r), "run " + i + ", room " + r);
                }
                adapter.delAll("b");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
