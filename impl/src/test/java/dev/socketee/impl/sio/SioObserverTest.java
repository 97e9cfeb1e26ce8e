package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server-wide observer seam (what the Admin UI module watches): what it is told, and that removing it silences it. */
class SioObserverTest {

    private final SioHarness h = new SioHarness();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        h.close();
    }

    private final SioObserver recorder = new SioObserver() {
        @Override
        public void connectionOpened(Client client) {
            seen.add("open");
        }

        @Override
        public void connectionClosed(Client client, String reason) {
            seen.add("close " + reason);
        }

        @Override
        public void socketConnected(SioSocket socket) {
            seen.add("connected " + socket.namespace().name() + " " + socket.rooms().size());
        }

        @Override
        public void socketDisconnected(SioSocket socket, String reason, Set<String> rooms) {
            seen.add("disconnected " + reason + " " + rooms.contains("r") + " " + rooms.contains(socket.id()));
        }

        @Override
        public void roomJoined(SioSocket socket, String room) {
            seen.add("joined " + room);
        }

        @Override
        public void roomLeft(SioSocket socket, String room) {
            seen.add("left " + room);
        }

        @Override
        public void eventReceived(SioSocket socket, String event, List<Object> args) {
            seen.add("in " + event + " " + args);
        }

        @Override
        public void eventSent(SioSocket socket, String event, List<?> args) {
            seen.add("out " + event + " " + args);
        }
    };

    @Test
    void itSeesConnectionsSocketsRoomsAndEventsBothWaysIncludingBroadcastsAndUnhandledOnes() throws Exception {
        h.io.namespace("/", new NamespaceHandlers()
                .on("join", (s, e, args, ack) -> s.join("r"))
                .on("ping", (s, e, args, ack) -> s.emit("pong", 1))
                .on("all", (s, e, args, ack) -> s.namespace().broadcast().emit("news", "x"))
                .on("leave", (s, e, args, ack) -> s.leave("r")));
        h.start();
        h.io.observer(recorder);
        InMemoryConnection c = h.open();
        c.send("40");
        c.awaitPrefix("40{");
        c.send("42[\"join\"]");
        c.send("42[\"ping\"]");
        c.awaitPrefix("42[\"pong\"");
        c.send("42[\"all\"]");
        c.awaitPrefix("42[\"news\"");
        c.send("42[\"nobody-handles-this\",true]");
        c.send("42[\"join\"]"); // already in r: not told again, as node's adapter
        c.drop();
        assertEquals(List.of("open", "connected / 1", "in join []", "joined r", "in ping []", "out pong [1]", "in all []", "out news [x]",
                "in nobody-handles-this [true]", "in join []", "disconnected transport close true true", "close transport close"),
                seen.stream().map(x -> x.replace("RawJson[json=", "").replace("]]", "]")).toList());
    }

    @Test
    void removedItIsToldNothing() throws Exception {
        h.io.namespace("/", new NamespaceHandlers().on("ping", (s, e, args, ack) -> s.emit("pong")));
        h.start();
        h.io.observer(recorder);
        h.io.observer(null);
        InMemoryConnection c = h.open();
        c.send("40");
        c.awaitPrefix("40{");
        c.send("42[\"ping\"]");
        c.awaitPrefix("42[\"pong\"");
        c.drop();
        assertTrue(seen.isEmpty(), seen::toString);
    }
}
