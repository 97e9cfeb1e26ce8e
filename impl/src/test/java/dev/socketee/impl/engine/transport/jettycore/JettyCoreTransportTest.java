package dev.socketee.impl.engine.transport.jettycore;

import static dev.socketee.impl.engine.transport.SendLoopHarness.FRAMES;
import static dev.socketee.impl.engine.transport.SendLoopHarness.assertInOrder;
import static dev.socketee.impl.engine.transport.SendLoopHarness.awaitCount;
import static dev.socketee.impl.engine.transport.SendLoopHarness.onSmallStack;
import static dev.socketee.impl.engine.transport.SendLoopHarness.sendFromFourThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.SendLoopHarness;
import dev.socketee.impl.protocol.engine.Eio4Wire;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Jetty-core send loop against a fake {@link CoreSession} that completes frames the way a
 * test says: no recursion however Jetty completes, frames in order, a batch queued whole with
 * one flush, the same bytes for every receiver of a packet, a close with a deadline.
 */
class JettyCoreTransportTest {

    private final SendLoopHarness loops = new SendLoopHarness();
    private final ExecutorService jetty = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        jetty.shutdownNow();
        loops.close();
    }

    private static JettyCoreTransport transport(FakeCore core) {
        return new JettyCoreTransport(core.session(), EngineIoOptions.builder().closeTimeout(Duration.ofMillis(1234)).build(),
                Eio4Wire.INSTANCE);
    }

    /** Inline completions while another thread adds the next packet: a loop, not a recursion (256 KiB stack). */
    @Test
    void inlineCompletionsWhileAnotherThreadSendsDoNotGrowTheStack() throws Exception {
        AtomicReference<EngineSession> session = new AtomicReference<>();
        FakeCore core = new FakeCore((sent, callback) -> {
            loops.sendNextDuring(sent.text, session::get);
            callback.succeeded();
        });
        JettyCoreTransport t = transport(core);
        session.set(loops.open(t, JettyCoreTransport::bind));
        Throwable failure = onSmallStack(() -> {
            session.get().onWritable(t);
            session.get().send("m0");
        });
        assertNull(failure, () -> "the send loop failed: " + failure);
        assertInOrder(core.texts(), FRAMES + 1);
    }

    /** Completions on Jetty's thread resume the loop once each; nothing lost or reordered. */
    @Test
    void laterCompletionsResumeTheLoopFromJettysThread() throws Exception {
        FakeCore core = new FakeCore((sent, callback) -> jetty.execute(callback::succeeded));
        JettyCoreTransport t = transport(core);
        EngineSession session = loops.open(t, JettyCoreTransport::bind);
        session.onWritable(t);
        sendFromFourThreads(session);
        awaitCount(core::count, FRAMES + 1);
        assertInOrder(core.texts(), FRAMES);
    }

    /** A batch goes to Jetty whole: every frame but the last batched, so it is flushed once. */
    @Test
    void aBatchIsQueuedWholeAndFlushedByItsLastFrame() {
        List<Callback> pending = new ArrayList<>();
        FakeCore core = new FakeCore((sent, callback) -> pending.add(callback));
        JettyCoreTransport t = transport(core);
        t.send(List.of(EnginePacket.message("a"), EnginePacket.message("b"), EnginePacket.message("c")));
        assertEquals(List.of("4a", "4b", "4c"), core.texts(), "all three queued before any completed");
        assertEquals(List.of(true, true, false), core.batchFlags());
    }

    /** Each receiver of a packet gets a view of the same UTF-8 bytes: a broadcast encodes once. */
    @Test
    void everyReceiverOfAPacketSharesItsBytes() {
        FakeCore a = new FakeCore((sent, callback) -> callback.succeeded());
        FakeCore b = new FakeCore((sent, callback) -> callback.succeeded());
        EnginePacket p = EnginePacket.message("héllo €");
        transport(a).send(List.of(p));
        transport(b).send(List.of(p));
        assertSame(a.frames.get(0).array, b.frames.get(0).array, "one byte array for both");
        assertEquals("4héllo €", b.frames.get(0).text);
        assertEquals(OpCode.TEXT, b.frames.get(0).opCode);
    }

    @Test
    void binaryPacketsAreBinaryFrames() {
        FakeCore core = new FakeCore((sent, callback) -> callback.succeeded());
        transport(core).send(List.of(EnginePacket.binary(new byte[] {1, 2, 3})));
        assertEquals(OpCode.BINARY, core.frames.get(0).opCode);
    }

    @Test
    void aCloseGivesTheConnectionTheCloseTimeoutAsIdleTimeout() {
        FakeCore core = new FakeCore((sent, callback) -> callback.succeeded());
        transport(core).close();
        assertEquals(List.of("idle PT1.234S", "close 1000"), core.calls);
    }

    /** What one sendFrame was handed. */
    record Sent(byte opCode, String text, byte[] array, boolean batch) {
    }

    /** A CoreSession whose sendFrame hands each frame to {@code onSend}. */
    private static final class FakeCore {
        final List<Sent> frames = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        private final BiConsumer<Sent, Callback> onSend;

        FakeCore(BiConsumer<Sent, Callback> onSend) {
            this.onSend = onSend;
        }

        synchronized List<String> texts() {
            return frames.stream().map(Sent::text).toList();
        }

        synchronized List<Boolean> batchFlags() {
            return frames.stream().map(Sent::batch).toList();
        }

        synchronized int count() {
            return frames.size();
        }

        CoreSession session() {
            return (CoreSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CoreSession.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "sendFrame" -> {
                            Frame f = (Frame) args[0];
                            byte[] bytes = new byte[f.getPayload().remaining()];
                            f.getPayload().duplicate().get(bytes);
                            Sent sent = new Sent(f.getOpCode(), new String(bytes, StandardCharsets.UTF_8),
                                    f.getPayload().array(), (Boolean) args[2]);
                            synchronized (this) {
                                frames.add(sent);
                            }
                            onSend.accept(sent, (Callback) args[1]);
                            yield null;
                        }
                        case "isOutputOpen" -> true;
                        case "setIdleTimeout" -> {
                            calls.add("idle " + args[0]);
                            yield null;
                        }
                        case "close" -> {
                            calls.add("close " + args[0]);
                            yield null;
                        }
                        case "toString" -> "FakeCore";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
