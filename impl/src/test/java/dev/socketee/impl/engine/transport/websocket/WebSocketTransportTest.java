package dev.socketee.impl.engine.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    private static final int FRAMES = 20_000;
    private EngineServer server;
    private final ExecutorService producers = Executors.newSingleThreadExecutor();
    private final ExecutorService container = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        producers.shutdownNow();
        container.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    private EngineSession open(WebSocketTransport t) {
        server = new EngineServer(EngineIoOptions.builder().pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5))
                .maxBufferedBytes(100_000_000).closeTimeout(Duration.ofMillis(1234)).build(), new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                    }
                });
        EngineSession s = server.open(t, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1),
                System.currentTimeMillis(), null, null));
        t.bind(s);
        return s;
    }

    /**
     * A container that completes every send inline, while another thread adds the next packet
     * during that send: the old transport went completion -> onWritable -> flush -> send -> drain
     * one level deeper per frame (StackOverflowError after ~280 frames on a 256 KiB stack).
     */
    @Test
    void inlineCompletionsWhileAnotherThreadSendsDoNotGrowTheStack() throws Exception {
        AtomicReference<EngineSession> session = new AtomicReference<>();
        AtomicInteger produced = new AtomicInteger();
        FakeContainer fake = new FakeContainer((text, handler) -> {
            if (text.startsWith("4") && produced.get() < FRAMES) {
                int n = produced.incrementAndGet();
                join(producers.submit(() -> session.get().send("m" + n))); // another thread adds while we send
            }
            handler.onResult(new SendResult());
        });
        WebSocketTransport t = new WebSocketTransport(fake.session(), options());
        session.set(open(t));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                session.get().onWritable(t); // the open packet; then the first message starts the chain
                session.get().send("m0");
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join(TimeUnit.SECONDS.toMillis(60));
        assertNull(failure.get(), () -> "the send loop failed: " + failure.get());
        assertInOrder(fake.texts, FRAMES + 1);
        assertEquals(1, fake.maxInFlight.get(), "one frame in flight");
    }

    /** Completions on the container's thread resume the loop once each, from there; no frame lost or reordered. */
    @Test
    void asyncCompletionsResumeTheLoopFromTheContainersThread() throws Exception {
        FakeContainer fake = new FakeContainer((text, handler) -> container.execute(() -> handler.onResult(new SendResult())));
        WebSocketTransport t = new WebSocketTransport(fake.session(), options());
        EngineSession session = open(t);
        session.onWritable(t);
        Thread[] senders = new Thread[4];
        AtomicInteger seq = new AtomicInteger();
        for (int i = 0; i < senders.length; i++) {
            senders[i] = new Thread(() -> {
                for (int k = 0; k < FRAMES / senders.length; k++) {
                    synchronized (seq) { // the order the session receives them in is the order to check
                        session.send("m" + seq.getAndIncrement());
                    }
                }
            });
            senders[i].start();
        }
        for (Thread s : senders) {
            s.join(TimeUnit.SECONDS.toMillis(60));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fake.count() < FRAMES + 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
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

    private static EngineIoOptions options() {
        return EngineIoOptions.builder().closeTimeout(Duration.ofMillis(1234)).build();
    }

    private static void assertInOrder(List<String> texts, int messages) {
        List<String> copy;
        synchronized (texts) {
            copy = new ArrayList<>(texts);
        }
        List<String> msgs = copy.stream().filter(s -> s.startsWith("4")).toList();
        assertEquals(messages, msgs.size(), "messages written");
        for (int i = 0; i < msgs.size(); i++) {
            if (!msgs.get(i).equals("4m" + i)) {
                throw new AssertionError("frame " + i + " is " + msgs.get(i));
            }
        }
    }

    private static void join(java.util.concurrent.Future<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
