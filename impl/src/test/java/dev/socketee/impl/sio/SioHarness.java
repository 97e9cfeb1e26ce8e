package dev.socketee.impl.sio;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real {@link SioServer} and engine with in-memory connections: what the client "sends" goes
 * straight into the session, what the server sends is recorded as Socket.IO packet texts. No
 * sockets, no servlet container; the engine session needs no seam for this.
 */
final class SioHarness implements AutoCloseable {

    final SioServer io;

    SioHarness() {
        io = new SioServer(EngineIoOptions.builder().pingInterval(Duration.ofSeconds(60)).pingTimeout(Duration.ofSeconds(60)).build(),
                Duration.ofSeconds(60));
    }

    SioHarness start() {
        io.start();
        return this;
    }

    Connection open() {
        return open(4);
    }

    /** A connection of an Engine.IO {@code revision} 4 client, or 3 (Socket.IO protocol v4). */
    Connection open(int revision) {
        Connection c = new Connection();
        c.session = io.engine().open(c, new HandshakeInfo(Map.of(), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), System.currentTimeMillis(), null, null), revision);
        c.session.onWritable(c);
        return c;
    }

    @Override
    public void close() {
        if (io.engine() != null) {
            io.engine().close();
        }
    }

    /** One client connection, as a websocket-like transport that takes the next batch at once. */
    static final class Connection implements Transport {
        volatile EngineSession session;
        private final List<String> received = new ArrayList<>();

        @Override
        public String name() {
            return "websocket";
        }

        /** Written at once; then it pulls the next batches, as the transport contract asks, until the session has none. */
        @Override
        public void send(List<EnginePacket> packets) {
            for (List<EnginePacket> batch = packets; batch != null; batch = session.pollBatch(this)) {
                record(batch);
            }
        }

        private void record(List<EnginePacket> packets) {
            synchronized (received) {
                for (EnginePacket p : packets) {
                    if (p.type() == EnginePacketType.MESSAGE && !p.isBinary()) {
                        received.add("4" + p.text()); // as on the wire: Engine.IO MESSAGE, then the Socket.IO packet
                    }
                }
                received.notifyAll();
            }
        }

        @Override
        public void close() {
        }

        /** A Socket.IO packet from the client as on the wire, e.g. {@code "40/chat,"} (Engine.IO MESSAGE, CONNECT). */
        void send(String wire) {
            if (!wire.startsWith("4")) {
                throw new IllegalArgumentException("not an Engine.IO message: " + wire);
            }
            session.onPacket(this, EnginePacket.message(wire.substring(1)));
        }

        void drop() {
            session.onClose(EngineCloseReason.TRANSPORT_CLOSE);
        }

        List<String> received() {
            synchronized (received) {
                return new ArrayList<>(received);
            }
        }

        /** The first packet received that matches, waiting up to 5 s. */
        String await(Predicate<String> match) throws InterruptedException {
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

        String awaitPrefix(String prefix) throws InterruptedException {
            return await(p -> p.startsWith(prefix));
        }
    }
}
