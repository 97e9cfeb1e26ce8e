package dev.socketee.examples.chat;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import dev.socketee.examples.EventCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Chat room (/chat.html): every message goes to every socket of /chat, the sender included. */
@ApplicationScoped
public class ChatHandlers {

    static final String NAMESPACE = "/chat";

    @Inject
    SocketIo io;
    @Inject
    EventCounter counter;

    void message(@Observes @OnSocketEvent(value = "chat message", namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        String text = e.data(String.class);
        if (text != null && !text.isBlank()) {
            io.of(NAMESPACE).emit("chat message", text);
        }
    }
}
