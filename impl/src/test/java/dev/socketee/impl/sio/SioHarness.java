package dev.socketee.impl.sio;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.HandshakeInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/**
 * A real {@link SioServer} and engine with {@link InMemoryConnection}s: what the client "sends"
 * goes straight into the session, what the server sends is recorded as Socket.IO packet texts.
 * No sockets, no servlet container; the engine session needs no seam for this.
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

    InMemoryConnection open() {
        return open(4);
    }

    /** A connection of an Engine.IO {@code revision} 4 client, or 3 (Socket.IO protocol v4). */
    InMemoryConnection open(int revision) {
        InMemoryConnection c = new InMemoryConnection();
        c.open(io.engine(), new HandshakeInfo(Map.of(), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), System.currentTimeMillis(), null, null), revision);
        return c;
    }

    @Override
    public void close() {
        if (io.engine() != null) {
            io.engine().close();
        }
    }
}
