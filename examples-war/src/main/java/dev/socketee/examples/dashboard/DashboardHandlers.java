package dev.socketee.examples.dashboard;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.examples.EventCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Live dashboard (/dashboard.html): sockets in room "dashboard" get the figures; pause / resume leave and join it. */
@ApplicationScoped
public class DashboardHandlers {

    static final String NAMESPACE = "/dashboard";
    static final String ROOM = "dashboard";

    @Inject
    EventCounter counter;
    @Inject
    FiguresPublisher publisher;

    void connect(@Observes @OnSocketEvent(value = OnSocketEvent.CONNECT, namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        publisher.clientConnected(e.socket().id());
        e.socket().join(ROOM);
    }

    void disconnect(@Observes @OnSocketEvent(value = OnSocketEvent.DISCONNECT, namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        publisher.clientDisconnected(e.socket().id());
    }

    void pause(@Observes @OnSocketEvent(value = "pause", namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        e.socket().leave(ROOM);
        e.ack("paused");
    }

    void resume(@Observes @OnSocketEvent(value = "resume", namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        e.socket().join(ROOM);
        e.ack("live");
    }
}
