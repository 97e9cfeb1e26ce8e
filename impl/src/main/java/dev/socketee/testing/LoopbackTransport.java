package dev.socketee.testing;

import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.util.List;
import java.util.function.Consumer;

/**
 * An in-memory transport: what the session sends is handed to the test client at once, pings
 * are answered, and the transport pulls the next batch right away. Closing tells the client.
 */
final class LoopbackTransport implements Transport {

    private final Consumer<EnginePacket> receiver;
    private final Runnable onClosed;
    private volatile EngineSession session;

    LoopbackTransport(Consumer<EnginePacket> receiver, Runnable onClosed) {
        this.receiver = receiver;
        this.onClosed = onClosed;
    }

    void bind(EngineSession s) {
        this.session = s;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public void send(List<EnginePacket> packets) {
        // the Transport contract: pull the next batch in a loop until the session has nothing more
        for (List<EnginePacket> batch = packets; batch != null; batch = session.pollBatch(this)) {
            for (EnginePacket p : batch) {
                if (p.type() == EnginePacketType.PING) {
                    session.onPacket(this, EnginePacket.PONG);
                } else if (p.type() == EnginePacketType.MESSAGE) {
                    receiver.accept(p);
                }
            }
        }
    }

    /** The session ended (either side): the client's namespaces are all gone with it. */
    @Override
    public void close() {
        onClosed.run();
    }
}
