package dev.socketee.impl.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the websocket and the Jetty-core send-loop tests share (each has its own fake of the
 * container's send): sessions on a quiet server, the threads that drive the loop, and the check
 * that every message was written once, in order. One per test, {@link #close()}d after it.
 */
public final class SendLoopHarness implements AutoCloseable {

    /** Messages a loop test sends ({@code m0}, {@code m1}, ...). */
    public static final int FRAMES = 20_000;

    private final List<EngineServer> servers = new ArrayList<>();
    private final ExecutorService producers = Executors.newSingleThreadExecutor();
    private final AtomicInteger produced = new AtomicInteger();

    /**
     * A session for {@code t} on a new server with no heartbeat to speak of and room for every
     * frame, bound to the transport by {@code bind}.
     */
    public <T extends Transport> EngineSession open(T t, BiConsumer<? super T, EngineSession> bind) {
        EngineServer server = new EngineServer(EngineIoOptions.builder().pingInterval(Duration.ofMinutes(5))
                .pingTimeout(Duration.ofMinutes(5)).maxBufferedBytes(100_000_000).build(), new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }
                });
        servers.add(server);
        EngineSession s = server.open(t, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1),
                System.currentTimeMillis(), null, null));
        bind.accept(t, s);
        return s;
    }

    /**
     * Called by a fake from inside the send of {@code text}: while a message is being sent and
     * fewer than {@link #FRAMES} followed it, another thread sends the next one, and this waits
     * for that (so the next packet arrives during the send).
     */
    public void sendNextDuring(String text, Supplier<EngineSession> session) {
        if (text.startsWith("4") && produced.get() < FRAMES) {
            int n = produced.incrementAndGet();
            join(producers.submit(() -> session.get().send("m" + n)));
        }
    }

    /** Runs {@code body} on a thread with a 256 KiB stack; what it threw, or null. */
    public static Throwable onSmallStack(Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join(TimeUnit.SECONDS.toMillis(60));
        return failure.get();
    }

    /** {@link #FRAMES} messages {@code m0}, {@code m1}, ... sent to {@code session} by four threads at once. */
    public static void sendFromFourThreads(EngineSession session) throws InterruptedException {
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
    }

    /** Waits (up to 30 seconds) until {@code count} reaches {@code n}. */
    public static void awaitCount(IntSupplier count, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.getAsInt() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** The message frames among {@code texts} (a list a fake adds to under its own lock) are {@code 4m0}, {@code 4m1}, ..., {@code messages} of them. */
    public static void assertInOrder(List<String> texts, int messages) {
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

    private static void join(Future<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        producers.shutdownNow();
        servers.forEach(EngineServer::close);
    }
}
