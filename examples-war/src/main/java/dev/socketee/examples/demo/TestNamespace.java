package dev.socketee.examples.demo;

import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.examples.EventCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Namespace demo (/test.html), the Flask-SocketIO example app: {@code my_event} is answered
 * with {@code my_response} and a per-socket count, which the client acknowledges.
 */
@ApplicationScoped
public class TestNamespace {

    static final String NAMESPACE = "/test";
    private static final Logger LOG = Logger.getLogger(TestNamespace.class.getName());

    /** {@code my_event}'s payload. */
    public record Message(String data) {
    }

    /** {@code my_response}'s payload. */
    public record Response(String data, int count) {
    }

    @Inject
    EventCounter counter;

    void connect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        e.socket().emit("my_response", new Response("Server connected", 0));
    }

    void myEvent(@Observes @OnSocketEvent(value = "my_event", namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        Message m = e.data(Message.class);
        Socket s = e.socket();
        int count = (Integer) s.session().merge("receive_count", 1, (a, b) -> (Integer) a + (Integer) b);
        s.emitWithAck("my_response", Duration.ofSeconds(5), new Response(m == null ? null : m.data(), count))
                .whenComplete((reply, error) -> {
                    if (error == null) {
                        LOG.info(() -> "client acknowledged my_response #" + count);
                    } else {
                        LOG.log(Level.FINE, "no ack for my_response #" + count, error);
                    }
                });
    }

    void disconnect(@Observes @OnSocketEvent(value = OnSocketEvent.DISCONNECT, namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        LOG.info(() -> "client disconnected: " + e.socket().id() + " (" + e.reason() + ")");
    }
}
