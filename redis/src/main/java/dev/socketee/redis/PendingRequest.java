package dev.socketee.redis;

import dev.socketee.adapter.ClusterTimeoutException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A cluster request waiting for the other nodes: the results so far (this node's own first, for
 * fetchSockets), the number of answers still expected, and one outcome: all answers, or a
 * {@link ClusterTimeoutException} with what arrived, or a failure when the adapter closes.
 * Answers come on Lettuce's event loop, the timeout on a timer thread: the state is guarded by
 * this object. The future is completed on {@code executor}, so callers' continuations never run
 * on the I/O loop.
 */
final class PendingRequest<T> {

    /** node's timeout text, from the counts at the time (e.g. "only 1 responses received out of 2"). */
    @FunctionalInterface
    interface TimeoutText {
        String of(int received, int expected);
    }

    final int type;
    private final int expected;
    private final List<T> results;
    private final TimeoutText timeoutText;
    private final Executor executor;
    private final CompletableFuture<List<T>> future = new CompletableFuture<>();
    private int received;
    private boolean done;

    PendingRequest(int type, int expected, List<T> initial, TimeoutText timeoutText, Executor executor) {
        this.type = type;
        this.expected = expected;
        this.results = new ArrayList<>(initial);
        this.timeoutText = timeoutText;
        this.executor = executor;
    }

    CompletableFuture<List<T>> future() {
        return future;
    }

    /** One node answered with {@code items}; true when that was the last answer expected. */
    boolean answer(List<? extends T> items) {
        List<T> all;
        synchronized (this) {
            if (done) {
                return false;
            }
            received++;
            results.addAll(items);
            if (received < expected) {
                return false;
            }
            done = true;
            all = List.copyOf(results);
        }
        run(() -> future.complete(all));
        return true;
    }

    /** Counts an answer that carried nothing usable (node counts it too, and then waits on). */
    synchronized void countOnly() {
        if (!done) {
            received++;
        }
    }

    void timeout() {
        ClusterTimeoutException e;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            e = new ClusterTimeoutException(timeoutText.of(received, expected), List.copyOf(results));
        }
        run(() -> future.completeExceptionally(e));
    }

    void fail(RuntimeException e) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        run(() -> future.completeExceptionally(e));
    }

    private void run(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            completion.run();
        }
    }
}
