package dev.socketee.tck.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Handlers GuardMiddleware stands in front of: if they run, the log says so. */
@ApplicationScoped
public class MiddlewareHandlers {

    @Inject
    EventLog log;
    @Inject
    SocketIo io;

    void forbidden(@Observes @OnSocketEvent("forbidden") SocketEvent e) {
        log.add("handler ran: forbidden " + e.socket().id());
        e.ack("ran");
    }

    void explode(@Observes @OnSocketEvent("explode") SocketEvent e) {
        log.add("handler ran: explode " + e.socket().id());
        e.ack("ran");
    }

    /** One direct emit and one broadcast to the sender's own room: the outgoing hook sees both. */
    void auditedPing(@Observes @OnSocketEvent("audited-ping") SocketEvent e) {
        String arg = e.data(String.class);
        e.socket().emit("audited-pong", arg);
        io.of("/").to(e.socket().id()).emit("audited-broadcast", arg);
        e.ack("ok");
    }
}
