package dev.socketee.testing.junit5.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.socketee.ConnectionRefusedException;
import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.testing.SocketTestClient;
import dev.socketee.testing.TestNamespace;
import dev.socketee.testing.junit5.SocketeeTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// README, "Testing your handlers": this file is the snippet (without the package line), run as a test here.

@ApplicationScoped
public class ChatRoom {

    void connect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = "/chat") SocketEvent e) {
        Map<?, ?> auth = e.auth(Map.class);
        if (auth == null || auth.get("user") == null) {
            throw new ConnectionRefusedException("who are you?", Map.of());
        }
        e.socket().session().put("user", auth.get("user"));
        e.socket().emit("welcome", auth.get("user"));
    }

    void join(@Observes @OnSocketEvent(value = "join", namespace = "/chat") SocketEvent e) {
        e.socket().join(e.data(String.class));
        e.ack(true);
    }

    void say(@Observes @OnSocketEvent(value = "say", namespace = "/chat") SocketEvent e) {
        e.socket().to(e.arg(0, String.class)).emit("said", e.socket().session().get("user"), e.arg(1, String.class));
    }
}

@SocketeeTest(beans = ChatRoom.class)
class ChatRoomTest {

    @Test
    void aMessageReachesTheOthersInTheRoom(SocketTestClient.Builder clients) {
        try (SocketTestClient ann = clients.connect("/chat", Map.of("user", "ann"));
             SocketTestClient bob = clients.connect("/chat", Map.of("user", "bob"))) {
            assertEquals(List.of("ann"), ann.awaitEvent("welcome").args());
            assertEquals(List.of(true), ann.emitWithAck("join", "lobby"));
            assertEquals(List.of(true), bob.emitWithAck("join", "lobby"));
            ann.emit("say", "lobby", "hi");
            assertEquals(List.of("ann", "hi"), bob.awaitEvent("said").args());
        }
    }

    @Test
    void strangersAreRefused(SocketTestClient client) {
        TestNamespace chat = client.namespace("/chat").connect();
        assertFalse(chat.isConnected());
        assertEquals("who are you?", chat.connectError().get("message"));
    }
}
