package dev.socketee.impl.sio;

import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The acknowledgement a client asked for with an event; sent at most once, and only while the socket is connected. */
public final class Ack {

    private final SioSocket socket;
    private final long id;
    private final AtomicBoolean sent = new AtomicBoolean();

    Ack(SioSocket socket, long id) {
        this.socket = socket;
        this.id = id;
    }

    /** Sends the acknowledgement with these arguments; later calls are ignored. */
    public void send(List<?> args) {
        if (sent.compareAndSet(false, true)) {
            socket.send(SioPacketEncoder.ack(socket.namespace().name(), id, args, socket.client().json())); // dropped once the socket closed
        }
    }

    public void send(Object... args) {
        send(java.util.Arrays.asList(args));
    }

    public boolean isSent() {
        return sent.get();
    }
}
