package dev.socketee.impl.sio;

import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.PullingTransport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One client connection held in memory, as a websocket-like transport that takes each batch at
 * once: what the client "sends" goes straight into its session, what the server sends is
 * recorded as the Socket.IO packet texts of its messages, as on the wire ({@code "40{...}"}: the
 * Engine.IO MESSAGE type, then the Socket.IO packet). Shared by the sio tests' {@code SioHarness}
 * and the admin-ui tests (through this module's test jar).
 */
public class InMemoryConnection extends PullingTransport {

    private final List<String> received = new ArrayList<>();

    /** Opens a session of a client of protocol {@code revision} on {@code engine} over this connection. */
    public void open(EngineServer engine, HandshakeInfo handshake, int revision) {
        bind(engine.open(this, handshake, revision));
        session().onWritable(this);
    }

    @Override
    protected void written(EnginePacket p) {
        if (p.type() == EnginePacketType.MESSAGE && !p.isBinary()) {
            synchronized (received) {
                received.add("4" + p.text());
                received.notifyAll();
            }
        }
    }

    /** A Socket.IO packet from the client as on the wire, e.g. {@code "40/chat,"} (Engine.IO MESSAGE, CONNECT). */
    public void send(String wire) {
        if (!wire.startsWith("4")) {
            throw new IllegalArgumentException("not an Engine.IO message: " + wire);
        }
        session().onPacket(this, EnginePacket.message(wire.substring(1)));
    }

    /** The connection drops (the client went away). */
    public void drop() {
        session().onClose(EngineCloseReason.TRANSPORT_CLOSE);
    }

    public List<String> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** The first packet received that matches, waiting up to 5 s. */
    public String await(Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        synchronized (received) {
            while (true) {
                for (String p : received) {
                    if (match.test(p)) {
                        return p;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching packet; received " + received);
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public String awaitPrefix(String prefix) throws InterruptedException {
        return await(p -> p.startsWith(prefix));
    }
}
