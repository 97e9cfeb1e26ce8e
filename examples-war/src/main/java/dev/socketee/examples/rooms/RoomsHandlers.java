package dev.socketee.examples.rooms;

import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import dev.socketee.examples.EventCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Rooms chat (/rooms.html), Flask-SocketIO's join_room / leave_room example: status lines and
 * messages go to the members of one room only, the sender included.
 */
@ApplicationScoped
public class RoomsHandlers {

    static final String NAMESPACE = "/rooms";

    /** What the page sends: {@code {name, room}} to join / leave, plus {@code message} to talk. */
    public record RoomRequest(String name, String room, String message) {
    }

    @Inject
    SocketIo io;
    @Inject
    EventCounter counter;

    void join(@Observes @OnSocketEvent(value = "join", namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        RoomRequest r = e.data(RoomRequest.class);
        if (invalid(e.socket(), r)) {
            return;
        }
        e.socket().join(r.room());
        io.of(NAMESPACE).to(r.room()).emit("status", name(r) + " has entered the room.");
    }

    void leave(@Observes @OnSocketEvent(value = "leave", namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        RoomRequest r = e.data(RoomRequest.class);
        if (invalid(e.socket(), r) || !e.socket().rooms().contains(r.room())) {
            return;
        }
        // sent before leaving, so that the leaver sees it as well as the others
        io.of(NAMESPACE).to(r.room()).emit("status", name(r) + " has left the room.");
        e.socket().leave(r.room());
    }

    void text(@Observes @OnSocketEvent(value = "text", namespace = NAMESPACE) SocketEvent e) {
        counter.increment();
        RoomRequest r = e.data(RoomRequest.class);
        if (invalid(e.socket(), r) || r.message() == null || r.message().isBlank()) {
            return;
        }
        if (!e.socket().rooms().contains(r.room())) {
            e.socket().emit("status", "Join " + r.room() + " first.");
            return;
        }
        io.of(NAMESPACE).to(r.room()).emit("message", name(r) + ": " + r.message());
    }

    /** A room name that is empty or another socket's id (every socket has a room of its own id) is refused. */
    private boolean invalid(Socket socket, RoomRequest r) {
        if (r == null || r.room() == null || r.room().isBlank()) {
            socket.emit("status", "Enter a room name first.");
            return true;
        }
        if (io.socket(NAMESPACE, r.room()).isPresent() && !r.room().equals(socket.id())) {
            socket.emit("status", "That room name is taken.");
            return true;
        }
        return false;
    }

    private static String name(RoomRequest r) {
        return r.name() == null || r.name().isBlank() ? "Anonymous" : r.name().strip();
    }
}
