package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.ConnectionRefusedException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rooms and lifecycle of one socket: membership exists only while the socket is connected. */
class SioSocketTest {

    private final SioHarness h = new SioHarness();
    private final AtomicReference<SioSocket> last = new AtomicReference<>();
    private final AtomicReference<Set<String>> roomsSeenInHandler = new AtomicReference<>();

    @AfterEach
    void stop() {
        h.close();
    }

    private Namespace chat(NamespaceHandlers.ConnectHandler onConnect) {
        Namespace ns = h.io.namespace("/chat", new NamespaceHandlers().onConnect((s, auth) -> {
            last.set(s);
            onConnect.onConnect(s, auth);
        }));
        h.start();
        return ns;
    }

    @Test
    void joinsInTheConnectHandlerTakeEffectOnlyWhenItAdmitsTheSocket() throws Exception {
        Namespace ns = chat((s, auth) -> {
            s.join("r");
            roomsSeenInHandler.set(s.rooms());
            assertTrue(s.namespace().members("r").isEmpty(), "not a member before admission");
        });
        InMemoryConnection c = h.open();
        c.send("40/chat,");
        c.awaitPrefix("40/chat,{\"sid\"");
        SioSocket s = last.get();
        assertEquals(Set.of(s.id(), "r"), roomsSeenInHandler.get(), "the handler sees its pending rooms, its own id included");
        assertEquals(Set.of(s.id(), "r"), s.rooms());
        assertEquals(Set.of(s), ns.members("r"));
    }

    @Test
    void aRefusedSocketIsInNoRoom() throws Exception {
        Namespace ns = chat((s, auth) -> {
            s.join("r");
            throw new ConnectionRefusedException("no");
        });
        InMemoryConnection c = h.open();
        c.send("40/chat,");
        c.awaitPrefix("44/chat,{\"message\":\"no\"");
        assertEquals(Set.of(), ns.rooms(), "rooms of the namespace");
        assertTrue(ns.members("r").isEmpty());
        assertTrue(ns.sockets().isEmpty());
        assertFalse(last.get().isConnected());
        last.get().join("later");
        assertEquals(Set.of(), ns.rooms(), "a join on the refused socket does nothing");
    }

    @Test
    void joinAndLeaveAfterTheCloseDoNothing() throws Exception {
        Namespace ns = chat((s, auth) -> { });
        InMemoryConnection c = h.open();
        c.send("40/chat,");
        c.awaitPrefix("40/chat,");
        SioSocket s = last.get();
        s.join("a");
        c.send("41/chat,");
        assertFalse(s.isConnected());
        s.join("late"); // from an async handler or a held Socket
        s.leave("a");
        assertTrue(ns.members("late").isEmpty(), "a join after the close adds no member");
        assertEquals(Set.of(), s.rooms());
        assertEquals(Set.of(), ns.rooms());
        assertTrue(ns.sockets().isEmpty());
    }

    @Test
    void theDisconnectingHandlerStillSeesTheRooms() throws Exception {
        AtomicReference<Set<String>> seen = new AtomicReference<>();
        AtomicReference<Set<String>> after = new AtomicReference<>();
        Namespace ns = h.io.namespace("/", new NamespaceHandlers()
                .onConnect((s, auth) -> s.join("r"))
                .onDisconnecting((s, reason) -> seen.set(s.rooms()))
                .onDisconnect((s, reason) -> after.set(s.rooms())));
        h.start();
        InMemoryConnection c = h.open();
        c.send("40");
        String reply = c.awaitPrefix("40{");
        c.drop();
        assertTrue(seen.get().contains("r"), "disconnecting: " + seen.get() + " after " + reply);
        assertEquals(Set.of(), after.get());
        assertEquals(Set.of(), ns.rooms());
    }

    @Test
    void aSocketClosedWhileItsConnectHandlerRunsIsNeverAdmitted() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Namespace ns = chat((s, auth) -> {
            s.join("r");
            inHandler.countDown();
            release.await(5, TimeUnit.SECONDS);
        });
        InMemoryConnection c = h.open();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> connecting = pool.submit(() -> c.send("40/chat,"));
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));
            c.drop();
            release.countDown();
            connecting.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(ns.sockets().isEmpty(), "sockets: " + ns.sockets());
        assertTrue(ns.members("r").isEmpty());
        assertFalse(last.get().isConnected());
        assertEquals(Set.of(), ns.rooms());
    }

    /** A join racing the close, many times over: no run may leave a member behind. */
    @Test
    void aJoinRacingTheCloseNeverLeavesAMember() throws Exception {
        Namespace ns = chat((s, auth) -> { });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 300; i++) {
                InMemoryConnection c = h.open();
                c.send("40/chat,");
                c.awaitPrefix("40/chat,");
                SioSocket s = last.get();
                CountDownLatch go = new CountDownLatch(1);
                String room = "r" + i;
                Future<?> joins = pool.submit(() -> {
                    go.await();
                    for (int j = 0; j < 20; j++) {
                        s.join(room + "-" + j);
                    }
                    return null;
                });
                Future<?> close = pool.submit(() -> {
                    go.await();
                    c.drop();
                    return null;
                });
                go.countDown();
                joins.get(5, TimeUnit.SECONDS);
                close.get(5, TimeUnit.SECONDS);
                for (int j = 0; j < 20; j++) {
                    assertTrue(ns.members(room + "-" + j).isEmpty(), "run " + i + ": member left in " + room + "-" + j);
                }
                assertEquals(Set.of(), ns.rooms(), "run " + i);
                assertEquals(Set.of(), s.rooms(), "run " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(ns.sockets().isEmpty());
    }

    @Test
    void emitsWhileConnectingFollowTheConnectReplyAndEmitsAfterTheCloseAreDropped() throws Exception {
        chat((s, auth) -> s.emit("hello", 1));
        InMemoryConnection c = h.open();
        c.send("40/chat,");
        c.awaitPrefix("42/chat,[\"hello\",1]");
        List<String> got = c.received();
        int connect = indexOf(got, "40/chat,");
        int hello = indexOf(got, "42/chat,[\"hello\"");
        assertTrue(connect >= 0 && connect < hello, "order: " + got);
        SioSocket s = last.get();
        c.send("41/chat,");
        int before = c.received().size();
        s.emit("late");
        s.emitWithAck("late-ack", List.of(), reply -> { });
        assertEquals(before, c.received().size(), "nothing written for a closed socket: " + c.received());
    }

    private static int indexOf(List<String> packets, String prefix) {
        for (int i = 0; i < packets.size(); i++) {
            if (packets.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
