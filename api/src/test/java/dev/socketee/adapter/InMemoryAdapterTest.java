package dev.socketee.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class InMemoryAdapterTest {

    private final RecordingHost host = new RecordingHost();
    private final InMemoryAdapter adapter = new InMemoryAdapter(host);

    private Set<String> targets(Set<String> rooms, Set<String> except) {
        host.writes.clear();
        adapter.broadcast(new RecordingHost.Plain(List.of("ev")), new BroadcastOptions(rooms, except, null));
        List<String> visited = host.writes.stream().map(RecordingHost.Write::socketId).toList();
        Set<String> unique = new TreeSet<>(visited);
        assertEquals(unique.size(), visited.size(), "each socket once: " + visited);
        return unique;
    }

    @Test
    void roomsAndSidsAreOneRecord() {
        adapter.addAll("a", Set.of("a", "r1", "r2"));
        adapter.addAll("b", Set.of("b", "r1"));
        assertEquals(Set.of("a", "b"), adapter.sockets(Set.of("r1")));
        assertEquals(Set.of("a", "r1", "r2"), adapter.socketRooms("a"));
        adapter.del("a", "r1");
        assertEquals(Set.of("b"), adapter.sockets(Set.of("r1")));
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
                    assertEquals(Set.of("b"), adapter.sockets(Set.of(r)), "run " + i + ", room " + r);
                }
                adapter.delAll("b");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void broadcastWithAckCountsTheTargetsAndPassesEachReply() {
        adapter.addAll("a", Set.of("a", "r1"));
        adapter.addAll("b", Set.of("b", "r1"));
        adapter.addAll("c", Set.of("c"));
        List<Integer> counts = new ArrayList<>();
        List<Object> acks = new ArrayList<>();
        adapter.broadcastWithAck(new RecordingHost.Plain(List.of("ev")), new BroadcastOptions(Set.of("r1"), Set.of("b"), null),
                counts::add, acks::add);
        assertEquals(List.of(1), counts, "one node, one target");
        assertEquals(List.of("ack from a"), acks);
    }

    @Test
    void operationsOnSetsOfSocketsReachTheMatchingOnes() {
        adapter.addAll("a", Set.of("a", "r1"));
        adapter.addAll("b", Set.of("b"));
        assertEquals(List.of("a"), adapter.fetchSockets(BroadcastOptions.rooms(Set.of("r1"))).toCompletableFuture().join()
                .stream().map(SocketDetails::id).toList());
        assertEquals(Set.of("a", "b"), adapter.sockets(Set.of()));
        assertEquals(1, adapter.serverCount().toCompletableFuture().join());
    }

    /** A room grows from one member (held as the id itself) to many and back, answering the same throughout. */
    @Test
    void aRoomOfOneGrowsAndShrinksWithTheSameAnswers() {
        adapter.addAll("a", Set.of("a"));
        assertEquals(Set.of("a"), adapter.sockets(Set.of("a")));
        assertEquals(Set.of("a"), targets(Set.of("a"), Set.of()));
        assertEquals(Set.of(), targets(Set.of("a"), Set.of("a")), "except the room's own members");
        adapter.addAll("a", Set.of("a")); // again: nothing changes
        assertEquals(Set.of("a"), adapter.socketRooms("a"));
        adapter.addAll("b", Set.of("b", "a")); // b joins a's own room: two members
        assertEquals(Set.of("a", "b"), targets(Set.of("a"), Set.of()));
        assertEquals(Set.of("a"), targets(Set.of("a"), Set.of("b")), "except the one member of b's room");
        assertEquals(Set.of("a", "b"), adapter.sockets(Set.of("a", "b")), "a union over one- and two-member rooms");
        adapter.del("a", "a");
        assertEquals(Set.of("b"), adapter.sockets(Set.of("a")));
        assertEquals(Set.of(), adapter.socketRooms("a"), "in no room, still connected");
        assertEquals(Set.of("a", "b"), targets(Set.of(), Set.of()));
        adapter.addAll("a", Set.of("x", "y"));
        assertEquals(Set.of("x", "y"), adapter.socketRooms("a"));
        adapter.del("a", "x");
        adapter.del("a", "nope");
        adapter.del("nobody", "x");
        assertEquals(Set.of("y"), adapter.socketRooms("a"));
        adapter.delAll("b");
        assertEquals(Set.of("y"), adapter.rooms(), "b was the last member of its own room and of a's");
        adapter.delAll("a");
        assertEquals(Set.of(), adapter.rooms());
        assertEquals(Set.of(), targets(Set.of(), Set.of()));
    }

    /** Many sockets join and leave one room at once (its value turns from one id into a set under them): none is lost. */
    @Test
    void concurrentJoinsAndLeavesOfOneRoomKeepEveryMember() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int run = 0; run < 200; run++) {
                String room = "room" + run;
                String tmp = "tmp" + run;
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> all = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    all.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 8; i++) {
                            String id = "s" + thread + "-" + i;
                            adapter.addAll(id, Set.of(id, room, tmp));
                            adapter.del(id, tmp);
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (var f : all) {
                    f.get();
                }
                assertEquals(32, adapter.sockets(Set.of(room)).size(), "run " + run);
                assertEquals(Set.of(), adapter.sockets(Set.of(tmp)), "run " + run);
                assertEquals(32, targets(Set.of(room), Set.of()).size(), "run " + run);
                for (String id : adapter.sockets(Set.of(room))) {
                    adapter.delAll(id);
                }
                assertEquals(Set.of(), adapter.rooms(), "run " + run);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
