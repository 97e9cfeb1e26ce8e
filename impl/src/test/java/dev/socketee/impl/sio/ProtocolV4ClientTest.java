package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.ConnectionRefusedException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An Engine.IO v3 client (Socket.IO protocol v4) next to a v4 one, as node's socket.io 4 serves
 * it with allowEIO3: on "/" without a CONNECT, CONNECT replies without payload, the namespace's
 * query as auth, node's {@code nsp#engineId} socket ids, refusals as the error's data or message,
 * and broadcasts written alike to both.
 */
class ProtocolV4ClientTest {

    private final SioHarness h = new SioHarness();
    private final Map<String, Object> auths = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        h.close();
    }

    private void start() {
        h.io.namespace("/", new NamespaceHandlers()
                .on("join", (socket, event, args, ack) -> socket.join("r"))
                .on("shout", (socket, event, args, ack) -> socket.namespace().to("r").emit("shouted", List.of("hi", 1))));
        h.io.namespace("/chat", new NamespaceHandlers().onConnect((socket, auth) -> auths.put(socket.id(), String.valueOf(auth))));
        h.io.namespace("/guard", new NamespaceHandlers().onConnect((socket, auth) -> {
            if (String.valueOf(auth).contains("data")) {
                throw new ConnectionRefusedException("no", Map.of("x", 1));
            }
            throw new ConnectionRefusedException("no");
        }));
        h.start();
    }

    @Test
    void aV3ClientIsOnSlashWithoutAskingAndItsIdIsTheEngineId() throws Exception {
        start();
        InMemoryConnection c = h.open(3);
        assertEquals("40", c.awaitPrefix("40"));
        assertEquals(List.of(c.session().id()), h.io.namespace("/").sockets().stream().map(SioSocket::id).toList());
    }

    @Test
    void theNamespaceQueryIsTheAuthAndTheReplyHasNoPayload() throws Exception {
        start();
        InMemoryConnection c = h.open(3);
        c.send("40/chat?token=a%20b&n=1,");
        assertEquals("40/chat,", c.awaitPrefix("40/chat"));
        String id = "/chat#" + c.session().id();
        assertEquals("{\"token\":\"a b\",\"n\":\"1\"}", auths.get(id));
    }

    @Test
    void refusalsCarryTheErrorsDataElseItsMessage() throws Exception {
        start();
        InMemoryConnection c = h.open(3);
        c.send("40/guard,");
        assertEquals("44/guard,\"no\"", c.awaitPrefix("44/guard"));
        InMemoryConnection d = h.open(3);
        d.send("40/guard?data=1,");
        assertEquals("44/guard,{\"x\":1}", d.awaitPrefix("44/guard"));
        InMemoryConnection v4 = h.open(4);
        v4.send("40/guard,");
        assertEquals("44/guard,{\"message\":\"no\"}", v4.awaitPrefix("44/guard"), "v5 keeps its shape");
    }

    @Test
    void aBroadcastReachesV3AndV4ClientsAlike() throws Exception {
        start();
        InMemoryConnection v3 = h.open(3);
        v3.awaitPrefix("40");
        InMemoryConnection v4 = h.open(4);
        v4.send("40");
        v4.awaitPrefix("40{\"sid\"");
        v3.send("42[\"join\"]");
        v4.send("42[\"join\"]");
        v4.send("42[\"shout\"]");
        assertEquals("42[\"shouted\",\"hi\",1]", v3.awaitPrefix("42[\"shouted\""));
        assertEquals("42[\"shouted\",\"hi\",1]", v4.awaitPrefix("42[\"shouted\""));
    }
}
