package dev.socketee.impl.cdi;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's share of the async executor (kept on its {@code Client}, so all its
 * namespaces share it): at most {@code maxInFlight} of its {@code @ObservesAsync} handlers are in
 * the executor (running or queued there) at once; more wait here, at most {@code maxWaiting}, and
 * start in arrival order as its own slots free. So one flooding client holds at most
 * {@code maxInFlight} places of the shared pool, whatever it sends and on however many namespaces.
 * A job that cannot be run (this queue full, or the executor refused it) gets its
 * {@code onRejected} instead, so the client can be told.
 *
 * <p>A finishing job hands its slot straight to the next waiting one, so the slots stay taken
 * while jobs wait and a newcomer cannot overtake them. No lock is held while the executor or a
 * job runs.
 */
final class AsyncLane {

    private record Job(Runnable work, Runnable onRejected) {
    }

    private final Executor executor;
    private final int maxInFlight;
    private final int maxWaiting;
    private final ArrayDeque<Job> waiting = new ArrayDeque<>();
    private int inFlight; // guarded by this; waiting is non-empty only while inFlight == maxInFlight

    AsyncLane(Executor executor, int maxInFlight, int maxWaiting) {
        if (maxInFlight < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("maxInFlight >= 1 and maxWaiting >= 0: " + maxInFlight + ", " + maxWaiting);
        }
        this.executor = executor;
        this.maxInFlight = maxInFlight;
        this.maxWaiting = maxWaiting;
    }

    /** Runs {@code work} on the executor when this socket has a slot, or calls {@code onRejected} (on this thread). */
    void submit(Runnable work, Runnable onRejected) {
        Job job = new Job(work, onRejected);
        synchronized (this) {
            if (inFlight >= maxInFlight) {
                if (waiting.size() < maxWaiting) {
                    waiting.add(job);
                    return;
                }
                job = null;
            } else {
                inFlight++;
            }
        }
        if (job == null) {
            onRejected.run();
            return;
        }
        start(job);
    }

    /** Hands the job to the executor; if it refuses, the job is rejected and its slot goes to the next one. */
    private void start(Job job) {
        while (job != null) {
            Job j = job;
            try {
                executor.execute(() -> run(j));
                return;
            } catch (RejectedExecutionException e) {
                j.onRejected().run();
                job = next();
            }
        }
    }

    private void run(Job job) {
        try {
            job.work().run();
        } finally {
            start(next());
        }
    }

    /** The next waiting job, which inherits the caller's slot; or null, and the slot is free. */
    private synchronized Job next() {
        Job n = waiting.poll();
        if (n == null) {
            inFlight--;
        }
        return n;
    }

    /** Jobs in the executor now (for tests). */
    synchronized int inFlight() {
        return inFlight;
    }

    /** Jobs waiting for a slot (for tests). */
    synchronized int waiting() {
        return waiting.size();
    }
}
