package dev.socketee.impl.engine;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the heartbeat tests share: an engine on a manual clock (pingInterval 300, pingTimeout
 * 200) whose callbacks queue here until the test runs them (so a test sees what is handed to
 * the callback executor and what runs on the timer), a listener that records the close reasons,
 * and a websocket-like transport that records what it is sent.
 */
final class HeartbeatFixture {

    final ManualScheduler clock = new ManualScheduler();
    final ArrayDeque<Runnable> callbacks = new ArrayDeque<>();
    final List<String> closes = new ArrayList<>();
    final EngineServer server;

    /** {@code allowEio3}: the server also takes Engine.IO v3 clients. */
    HeartbeatFixture(boolean allowEio3) {
        server = new EngineServer(EngineIoOptions.builder().allowEio3(allowEio3)
                .pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(200)).build(),
                new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection connection) {
                    }

                    @Override
                    public void onClose(EngineConnection connection, String reason) {
                        closes.add(reason);
                    }
                }, EngineThreads.of(clock, callbacks::add), false);
    }

    /** A session of a client of protocol {@code revision} on {@code transport}, its open packet sent. */
    EngineSession open(RecordingTransport transport, int revision) {
        EngineSession session = server.open(transport, new HandshakeInfo(Map.of(), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), 0, null, null), revision);
        transport.bind(session);
        session.onWritable(transport);
        return session;
    }

    void runCallbacks() {
        for (Runnable r; (r = callbacks.poll()) != null; ) {
            r.run();
        }
    }

    /** Records each packet written; with {@code instantPong} its client answers a ping inside the send. */
    static final class RecordingTransport extends PullingTransport {
        final boolean instantPong;
        final List<EnginePacket> sent = new ArrayList<>();
        /** A client that stopped reading: the batch in hand is never written, nothing more is pulled. */
        boolean stalled;
        List<EnginePacket> inHand;

        RecordingTransport(boolean instantPong) {
            this.instantPong = instantPong;
        }

        int count(EnginePacketType type) {
            return (int) sent.stream().filter(p -> p.type() == type).count();
        }

        @Override
        public void send(List<EnginePacket> packets) {
            inHand = packets;
            super.send(packets);
        }

        @Override
        protected boolean pulls() {
            return !stalled;
        }

        @Override
        protected void written(EnginePacket p) {
            sent.add(p);
            if (p.type() == EnginePacketType.PING && instantPong) {
                session().onPacket(this, EnginePacket.PONG);
            }
        }
    }
}
