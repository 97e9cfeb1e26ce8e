package dev.socketee.impl.sio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.EngineThreads;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.ManualScheduler;
import dev.socketee.impl.engine.PullingTransport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The Socket.IO timeouts on a manual clock: the connect timeout (no namespace joined) and the
 * ack timeout of {@code emitWithAck}; both reach user code, so both run on the callback
 * executor (a queue here, run by the test).
 */
class TimeoutsTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final ArrayDeque<Runnable> callbacks = new ArrayDeque<>();
    private final List<String> disconnects = new ArrayList<>();
    private final SioServer io = new SioServer(EngineIoOptions.builder()
            .pingInterval(Duration.ofSeconds(25)).pingTimeout(Duration.ofSeconds(20)).build(), Duration.ofMillis(1000));
    private final EngineServer engine;
    private final Wire wire = new Wire();
    private final EngineSession session;

    TimeoutsTest() {
        io.namespace("/", new NamespaceHandlers().onDisconnect((s, reason) -> disconnects.add(reason)));
        engine = io.start(EngineThreads.of(clock, callbacks::add));
        session = engine.open(wire, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1), 0, null, null));
        wire.bind(session);
        session.onWritable(wire);
    }

    private void runCallbacks() {
        for (Runnable r; (r = callbacks.poll()) != null; ) {
            r.run();
        }
    }

    private SioSocket connect() {
        session.onPacket(wire, EnginePacket.message("0"));
        assertTrue(wire.sent.stream().anyMatch(p -> p.startsWith("0{\"sid\"")), () -> "sent: " + wire.sent);
        return io.namespace("/").sockets().iterator().next();
    }

    @Test
    void noNamespaceJoinedWithinTheConnectTimeoutClosesTheConnection() {
        clock.advanceMillis(999);
        assertTrue(session.isOpen() && callbacks.isEmpty());
        clock.advanceMillis(1);
        assertTrue(session.isOpen(), "the close is handed to the callback executor");
        runCallbacks();
        assertFalse(session.isOpen());
        assertTrue(wire.isClosed());
    }

    @Test
    void aConnectWithinTheTimeoutCancelsIt() {
        connect();
        clock.advanceMillis(5000);
        runCallbacks();
        assertTrue(session.isOpen());
    }

    @Test
    void anUnansweredAckTimesOutOnTheCallbackExecutor() {
        SioSocket socket = connect();
        CompletableFuture<List<Object>> reply = socket.emitWithAck("question", List.of("q"), 500);
        assertTrue(wire.sent.contains("20[\"question\",\"q\"]"), () -> "sent: " + wire.sent);
        clock.advanceMillis(499);
        assertFalse(reply.isDone());
        clock.advanceMillis(1);
        assertFalse(reply.isDone(), "completed on the callback executor, not on the timer's engine pool");
        runCallbacks();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, reply::get);
        assertInstanceOf(TimeoutException.class, e.getCause());
        session.onPacket(wire, EnginePacket.message("30[\"late\"]"));
        assertTrue(socket.isConnected(), "a late ack is ignored");
    }

    @Test
    void anAckInTimeCompletesAndCancelsTheTimeout() throws Exception {
        SioSocket socket = connect();
        CompletableFuture<List<Object>> reply = socket.emitWithAck("question", List.of(), 500);
        clock.advanceMillis(100);
        session.onPacket(wire, EnginePacket.message("30[\"yes\"]"));
        assertEquals("[\"yes\"]", reply.get().toString(), "the raw JSON argument");
        clock.advanceMillis(1000);
        assertTrue(callbacks.isEmpty(), "no timeout after the ack");
    }

    @Test
    void aPingTimeoutRunsDisconnectHandlersOnTheCallbackExecutor() {
        connect();
        clock.advanceMillis(25_000 + 20_000);
        assertEquals(List.of(), disconnects, "not on the timer's engine pool");
        runCallbacks();
        assertEquals(List.of("ping timeout"), disconnects);
    }

    /** A websocket-like transport that records what it is given as text. */
    private static final class Wire extends PullingTransport {
        final List<String> sent = new ArrayList<>();

        @Override
        protected void written(EnginePacket p) {
            sent.add(p.isBinary() ? "<binary>" : p.text() == null ? p.type().toString() : packetText(p));
        }

        private static String packetText(EnginePacket p) {
            return p.type() == dev.socketee.impl.protocol.engine.EnginePacketType.MESSAGE ? p.text() : p.type() + ":" + p.text();
        }
    }
}
