package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import io.socket.client.Ack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One client cannot starve every {@code @ObservesAsync} handler. A raw WebSocket client floods
 * 3,000 async events with acks (20 ms of work each: 15 s of the server's 4 threads if they all
 * ran); it gets its share of the pool and "server busy" acks for the rest, while a second client
 * (the io.socket Java client, on its own connection) gets all its async acks back in time.
 * Before, the flood took the shared pool's queue and the second client waited behind it.
 */
class CdiAsyncFairnessIT {

    private static final int FLOOD = 3_000;
    private static final int OTHER = 10;
    private static final long OTHER_DEADLINE_MS = 2_000;

    @Test
    void aFloodingClientGetsServerBusyAcksWhileAnotherClientsAsyncAcksComeBackInTime() throws Exception {
        try (Flooder flooder = Flooder.connect();
                CdiClient other = CdiClient.create("/", JavaClient.WEBSOCKET, null)) {
            other.connectForWelcome();
            for (int i = 0; i < FLOOD; i++) {
                flooder.send("42" + i + "[\"work\"," + i + "]");
            }

            long start = System.nanoTime();
            CompletableFuture<?>[] replies = new CompletableFuture<?>[OTHER];
            for (int i = 0; i < OTHER; i++) {
                CompletableFuture<Object[]> reply = new CompletableFuture<>();
                other.socket.emit("work", new Object[] {i}, (Ack) reply::complete);
                replies[i] = reply;
            }
            CompletableFuture.allOf(replies).get(OTHER_DEADLINE_MS, TimeUnit.MILLISECONDS);
            long otherMillis = (System.nanoTime() - start) / 1_000_000;
            for (int i = 0; i < OTHER; i++) {
                assertEquals(i, ((Object[]) replies[i].get())[0], "the other client's ack " + i);
            }

            assertTrue(flooder.acked.await(30, TimeUnit.SECONDS), "every flood event is acked, one way or the other: "
                    + (FLOOD - flooder.acked.getCount()) + " of " + FLOOD);
            System.out.printf("async fairness: the other client's %d acks in %d ms; flooder %d ok, %d server busy%n",
                    OTHER, otherMillis, flooder.ok.get(), flooder.busy.get());
            assertTrue(flooder.busy.get() > 0, "the flooder saw server-busy acks");
            assertTrue(flooder.ok.get() >= 2, "the flooder still got its share: " + flooder.ok.get());
            assertEquals(FLOOD, flooder.ok.get() + flooder.busy.get() + flooder.other.get(), "unexpected acks: " + flooder.other.get());
        }
    }

    /** Counts the acks of the flood: its own argument back, or the server-busy error. */
    private static final class Flooder implements AutoCloseable {
        final CountDownLatch acked = new CountDownLatch(FLOOD);
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger busy = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();
        private CdiRawSocket socket;

        static Flooder connect() throws Exception {
            Flooder f = new Flooder();
            f.socket = CdiRawSocket.open(f::onText);
            f.send("40");
            f.socket.awaitPrefix("40{");
            return f;
        }

        void send(String text) throws Exception {
            socket.send(text);
        }

        private void onText(String m) {
            if (!m.startsWith("43")) {
                return;
            }
            if (m.endsWith("[{\"message\":\"server busy\"}]")) {
                busy.incrementAndGet();
            } else if (m.matches("43(\\d+)\\[\\1]")) {
                ok.incrementAndGet();
            } else {
                other.incrementAndGet();
            }
            acked.countDown();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
