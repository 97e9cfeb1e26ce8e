package dev.socketee.tck.cdi;

import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Server-initiated emits from a bean that is not a handler, called from a thread of its own. */
@ApplicationScoped
public class Pusher {

    @Inject
    SocketIo io;

    public void pushTo(String room, int count) {
        Thread t = new Thread(() -> {
            for (int i = 1; i <= count; i++) {
                io.to(room).emit("pushed", i);
            }
        }, "test-pusher");
        t.setDaemon(true);
        t.start();
    }
}
