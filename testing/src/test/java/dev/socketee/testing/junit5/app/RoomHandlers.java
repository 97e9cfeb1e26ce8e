package dev.socketee.testing.junit5.app;

import dev.socketee.ConnectionRefusedException;
import dev.socketee.Handshake;
import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The handlers of "/" the kit's tests run against: one per thing a test client must be able to check. */
@ApplicationScoped
public class RoomHandlers {

    @Inject
    SocketIo io;
    @Inject
    VisitLog log;

    void connect(@Observes @OnSocketEvent(OnSocketEvent.CONNECT) SocketEvent e) {
        Map<?, ?> auth = e.auth(Map.class);
        if (auth != null && "bad".equals(auth.get("token"))) {
            throw new ConnectionRefusedException("refused", Map.of("reason", "bad token"));
        }
        Handshake h = e.socket().handshake();
        String user = auth == null ? "anonymous" : String.valueOf(auth.get("user"));
        List<String> room = h.query().get("room");
        String cart = h.httpSession().map(s -> String.valueOf(s.getAttribute("cart"))).orElse(null);
        e.socket().emit("welcome", new Greeting(e.socket().id(), user, h.header("x-client"),
                room == null ? null : room.get(0), h.principal().map(p -> p.getName()).orElse(null), cart));
    }

    void disconnect(@Observes @OnSocketEvent(OnSocketEvent.DISCONNECT) SocketEvent e) {
        log.add(e.socket().namespace() + " " + e.socket().id() + " " + e.reason());
    }

    void echo(@Observes @OnSocketEvent("echo") SocketEvent e) {
        e.ack(e.args().toArray());
    }

    void join(@Observes @OnSocketEvent("join") SocketEvent e) {
        e.socket().join(e.data(String.class));
        e.ack(new ArrayList<>(new TreeSet<>(e.socket().rooms())));
    }

    /** Flask's emit(..., to=room): everyone in the room, the sender too. */
    void say(@Observes @OnSocketEvent("say") SocketEvent e) {
        io.of("/").to(e.arg(0, String.class)).emit("said", e.arg(1, String.class));
    }

    /** node's socket.to(room): the room without the sender. */
    void whisper(@Observes @OnSocketEvent("whisper") SocketEvent e) {
        e.socket().to(e.arg(0, String.class)).emit("whispered", e.arg(1, String.class));
    }

    /** A server-to-client ack: asks the client, reports its answer in another event. */
    void ask(@Observes @OnSocketEvent("ask") SocketEvent e) {
        Socket s = e.socket();
        s.emitWithAck("question", Duration.ofSeconds(5), e.data(String.class)).whenComplete((reply, error) ->
                s.emit("answer", error == null ? reply.args() : List.of(error.getClass().getSimpleName())));
    }

    void reverse(@Observes @OnSocketEvent("reverse") SocketEvent e) {
        byte[] in = e.data(byte[].class);
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        e.socket().emit("reversed", out, Map.of("length", in.length));
        e.ack(out);
    }

    void kick(@Observes @OnSocketEvent("kick") SocketEvent e) {
        e.socket().disconnect();
    }

    /** Emits from another thread, later: what awaitEvent is for. */
    void later(@ObservesAsync @OnSocketEvent("later") SocketEvent e) throws InterruptedException {
        Thread.sleep(50);
        e.socket().emit("late", e.data(String.class));
    }
}
