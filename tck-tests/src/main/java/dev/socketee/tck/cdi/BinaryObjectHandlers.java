package dev.socketee.tck.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * Binary inside bound objects, both ways (records with byte[], in lists and maps), in acks,
 * emits, broadcasts and emitWithAck replies; and a type only the application's JSON-B
 * configuration ({@link JsonbSettings}) can bind. Namespace "/".
 */
@ApplicationScoped
public class BinaryObjectHandlers {

    @Inject
    SocketIo io;

    /** The blob back with "!" after its name and its bytes reversed. */
    void blobEcho(@Observes @OnSocketEvent("blob-echo") SocketEvent e) {
        Blob blob = e.arg(0, Blob.class);
        e.ack(new Blob(blob.name() + "!", reversed(blob.data())));
    }

    /** Acks the photo count, the sorted thumbnail names, and the album itself. */
    void album(@Observes @OnSocketEvent("album") SocketEvent e) {
        Album album = e.arg(0, Album.class);
        e.ack(album.photos().size(), List.copyOf(new TreeSet<>(album.thumbs().keySet())), album);
    }

    /** Emits the blob to the socket and broadcasts it to a room of its own, then acks. */
    void blobPush(@Observes @OnSocketEvent("blob-push") SocketEvent e) {
        Blob blob = e.arg(0, Blob.class);
        String room = "blob-" + e.socket().id();
        e.socket().join(room);
        e.socket().emit("blob", blob);
        io.to(room).emit("blob-room", blob, List.of(blob));
        e.ack();
    }

    /** Asks the client for a blob (emitWithAck with a blob inside) and emits what it answered. */
    void blobAsk(@Observes @OnSocketEvent("blob-ask") SocketEvent e) {
        var socket = e.socket();
        socket.emitWithAck("give-blob", Duration.ofSeconds(3), new Blob("question", new byte[] {7}))
                .thenAccept(reply -> {
                    Blob answer = reply.arg(0, Blob.class);
                    socket.emit("blob-got", answer.name(), answer.data().length, answer.data());
                });
        e.ack();
    }

    /** The reading back with the temperature doubled: "21.5C" in, "43.0C" out (the application's adapter). */
    void weather(@Observes @OnSocketEvent("weather") SocketEvent e) {
        Reading r = e.arg(0, Reading.class);
        e.ack(new Reading(new Celsius(r.temperature().value() * 2), r.sensor()));
    }

    private static byte[] reversed(byte[] data) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[data.length - 1 - i];
        }
        return out;
    }
}
