package dev.socketee.tck.cdi;

import dev.socketee.EventRejectedException;
import dev.socketee.Socket;
import dev.socketee.SocketMiddleware;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The CDI feature app's middleware: rejects the event {@code forbidden} (with data), drops
 * {@code explode} by failing, and records every outgoing event whose name starts with
 * {@code audited} in the event log (see MiddlewareHandlers, cdi-middleware.mjs).
 */
@ApplicationScoped
@Priority(10)
public class GuardMiddleware implements SocketMiddleware {

    @Inject
    EventLog log;

    @Override
    public void onIncoming(IncomingEvent e) {
        switch (e.event()) {
            case "forbidden" -> throw new EventRejectedException("not allowed", Map.of("event", e.event(), "arg", e.arg(0, Object.class)));
            case "explode" -> throw new IllegalStateException("middleware failure on purpose");
            default -> { }
        }
    }

    @Override
    public void onOutgoing(Socket socket, String event, List<?> args) {
        if (event.startsWith("audited")) {
            log.add("outgoing " + socket.id() + " " + event + " " + args);
        }
    }
}
