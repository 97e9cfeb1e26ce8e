package dev.socketee.examples.auth;

import dev.socketee.ConnectionRefusedException;
import dev.socketee.Handshake;
import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.examples.EventCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Map;

/**
 * Authentication (/auth.html): /secure accepts only users logged in through {@link LoginServlet}
 * (the HTTP session of the handshake) or authenticated by the container (the principal).
 */
@ApplicationScoped
public class SecureNamespace {

    static final String NAMESPACE = "/secure";

    @Inject
    EventCounter counter;

    void connect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        String user = user(e.socket().handshake());
        if (user == null) {
            throw new ConnectionRefusedException("Please log in first", Map.of("login", "/auth.html"));
        }
        e.socket().session().put("user", user);
        e.socket().emit("greeting", "Hello, " + user + "!");
    }

    private static String user(Handshake h) {
        Object user = h.httpSession().map(s -> {
            try {
                return s.getAttribute(LoginServlet.USER);
            } catch (IllegalStateException invalidated) {
                return null;
            }
        }).orElse(null);
        if (user != null) {
            return user.toString();
        }
        return h.principal().map(Principal::getName).orElse(null);
    }
}
