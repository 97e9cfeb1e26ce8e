package dev.socketee.incontainer.app;

import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An arbitrary bean (no handler in it) that emits through the injected SocketIo. */
@ApplicationScoped
public class Announcer {

    @Inject
    SocketIo io;

    public void announce(String text) {
        io.of("/it").emit("announcement", text);
    }
}
