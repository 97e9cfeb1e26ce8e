package dev.socketee.impl.engine.transport.websocket;

import static dev.socketee.impl.engine.transport.SendLoopHarness.FRAMES;
import static dev.socketee.impl.engine.transport.SendLoopHarness.assertInOrder;
import static dev.socketee.impl.engine.transport.SendLoopHarness.awaitCount;
import static dev.socketee.impl.engine.transport.SendLoopHarness.onSmallStack;
import static dev.socketee.impl.engine.transport.SendLoopHarness.sendFromFourThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.transport.SendLoopHarness;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The websocket send loop against a fake container (a {@link Session} whose async remote
 * completes sends the way a test says): no recursion however the container completes, one frame
 * in flight, frames in order, and a close with a deadline.
 */
class WebSocketTransportTest {

    private final SendLoopHarness loops = new SendLoopHarness();
    private final ExecutorService container = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        container.shutdownNow();
        loops.close();
    }

    /**
     * A container that completes every send inline, while another thread adds the next packet
     * during that send: the old transport went completion -> onWritable -> flush -> send -> drain
     * one level deeper per frame (StackOverflowError after ~280 frames on a 256 KiB stack).
     */
    @Test
    void inlineCompletionsWhileAnotherThreadSendsDoNotGrowTheStack() throws Exception {
        AtomicReference<EngineSession> session = new AtomicReference<>();
        FakeContainer fake = new FakeContainer((text, handler) -> {
            loops.sendNextDuring(text, session::get); // another thread adds while we send
            handler.onResult(new SendResult());
        });
        WebSocketTransport t = new WebSocketTransport(fake.session(), options());
        session.set(loops.open(t, WebSocketTransport::bind));
        Throwable failure = onSmallStack(() -> {
            session.get().onWritable(t); // the open packet; then the first message starts the chain
            session.get().send("m0");
        });
        assertNull(failure, () -> "the send loop failed: " + failure);
        assertInOrder(fake.texts, FRAMES + 1);
        assertEquals(1, fake.maxInFlight.get(), "one frame in flight");
    }

    /** Completions on the container's thread resume the loop once each, from there; no frame lost or reordered. */
    @Test
    void asyncCompletionsResumeTheLoopFromTheContainersThread() throws Exception {
        FakeContainer fake = new FakeContainer((text, handler) -> container.execute(() -> handler.onResult(new SendResult())));
        WebSocketTransport t = new WebSocketTransport(fake.session(), options());
        EngineSession session = loops.open(t, WebSocketTransport::bind);
        session.onWritable(t);
        sendFromFourThreads(session);
        awaitCount(fake::count, FRAMES + 1);
        assertInOrder(fake.texts, FRAMES);
        assertEquals(1, fake.maxInFlight.get(), "one frame in flight");
    }

    @Test
    void aCloseGivesTheConnectionTheCloseTimeoutAsIdleTimeout() {
        FakeContainer fake = new FakeContainer((text, handler) -> handler.onResult(new SendResult()));
        WebSocketTransport t = new WebSocketTransport(fake.session(), options());
        t.close();
        assertEquals(1234L, fake.idleTimeout.get(), "the deadline is set before the close frame is queued");
        assertTrue(fake.closedAfterIdleTimeout, "close after the idle timeout was set");
    }

    @Test
    void aCloseFromInsideTheContainersOnCloseLeavesTheConnectionToTheContainer() {
        FakeContainer fake = new FakeContainer((text, handler) -> handler.onResult(new SendResult()));
        WebSocketTransport t = new WebSocketTransport(fake.session(), options());
        t.containerIsClosing(); // what the endpoint's onClose does first; the fake still says isOpen
        t.close();
        assertEquals(-1L, fake.idleTimeout.get(), "no idle timeout set on a connection the container is closing");
        assertTrue(fake.isOpenAsFarAsTheFakeKnows(), "no second close");
    }

    private static EngineIoOptions options() {
        return EngineIoOptions.builder().closeTimeout(Duration.ofMillis(1234)).build();
    }

    /** A jakarta {@link Session} with an async remote that hands each send to {@code onSend}. */
    private static final class FakeContainer {
        final List<String> texts = new ArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicLong idleTimeout = new AtomicLong(-1);
        volatile boolean closedAfterIdleTimeout;
        private final BiConsumer<String, SendHandler> onSend;
        private volatile boolean open = true;

        FakeContainer(BiConsumer<String, SendHandler> onSend) {
            this.onSend = onSend;
        }

        boolean isOpenAsFarAsTheFakeKnows() {
            return open;
        }

        int count() {
            synchronized (texts) {
                return texts.size();
            }
        }

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, m, args) -> {
                        if (m.getName().equals("sendText") && args.length == 2) {
                            String text = (String) args[0];
                            SendHandler h = (SendHandler) args[1];
                            synchronized (texts) {
                                texts.add(text);
                            }
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            onSend.accept(text, r -> {
                                inFlight.decrementAndGet();
                                h.onResult(r);
                            });
                            return null;
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "getAsyncRemote":
                        return async;
                    case "isOpen":
                        return open;
                    case "setMaxIdleTimeout":
                        idleTimeout.set((Long) args[0]);
                        return null;
                    case "close":
                        closedAfterIdleTimeout = idleTimeout.get() >= 0 && args != null && args[0] instanceof CloseReason;
                        open = false;
                        return null;
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    case "toString":
                        return "FakeSession";
                    default:
                        throw new UnsupportedOperationException(m.getName());
                }
            });
        }
    }
}
