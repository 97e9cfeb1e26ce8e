package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Which broadcast a thread is in: its own while its loop runs (nested loops join it), none on
 * other threads meanwhile, none after the loop, also after the loop threw.
 */
class FanOutCurrentTest {

    @Test
    void onlyInsideTheLoopAndOnlyOnItsThread() throws Exception {
        assertNull(FanOut.current());
        AtomicReference<FanOut> inside = new AtomicReference<>();
        AtomicReference<FanOut> nested = new AtomicReference<>();
        AtomicReference<FanOut> otherThread = new AtomicReference<>();
        CountDownLatch seen = new CountDownLatch(1);
        FanOut.run(Runnable::run, () -> {
            inside.set(FanOut.current());
            FanOut.run(Runnable::run, () -> nested.set(FanOut.current()));
            CompletableFuture.runAsync(() -> {
                otherThread.set(FanOut.current());
                seen.countDown();
            });
            try {
                seen.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertNotNull(inside.get());
        assertSame(inside.get(), nested.get());
        assertNull(otherThread.get());
        assertNull(FanOut.current());
    }

    @Test
    void noneAfterALoopThatThrew() {
        assertThrows(IllegalStateException.class, () -> FanOut.run(Runnable::run, () -> {
            throw new IllegalStateException("boom");
        }));
        assertNull(FanOut.current());
        FanOut.run(Runnable::run, () -> assertNotNull(FanOut.current()));
    }
}
