package dev.socketee.impl.engine;

import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The writes of one broadcast, spread over the writer threads instead of all running on the
 * broadcasting thread. While a broadcast loops over its targets, each session still queues the
 * packet in its outbox on this thread (so the order per socket is the order of the calls), and a
 * transport that was idle has its batch collected here instead of written; every
 * {@value #CHUNK} such batches go to a writer as one task, and the last ones are written on this
 * thread when the loop ends. A taken batch is always written (a transport whose batch was taken
 * writes nothing else until it pulls again), so nothing here may drop one.
 */
final class FanOut {

    static final int CHUNK = 32;
    private static final ThreadLocal<FanOut> CURRENT = new ThreadLocal<>();
    /**
     * Broadcast loops running on any thread: while none runs, {@link #current()} answers without
     * the thread-local lookup (1% of the server's CPU per echo ack). A thread inside its own loop
     * always sees its own increment, so it never misses its FanOut.
     */
    private static final java.util.concurrent.atomic.AtomicInteger RUNNING = new java.util.concurrent.atomic.AtomicInteger();

    private final Executor writers;
    private Transport[] transports = new Transport[CHUNK];
    @SuppressWarnings("unchecked")
    private List<EnginePacket>[] batches = new List[CHUNK];
    private int size;

    private FanOut(Executor writers) {
        this.writers = writers;
    }

    /** Runs {@code loop} collecting its writes; a nested broadcast joins the outer one. */
    static void run(Executor writers, Runnable loop) {
        if (CURRENT.get() != null) {
            loop.run();
            return;
        }
        FanOut f = new FanOut(writers);
        RUNNING.incrementAndGet();
        CURRENT.set(f);
        try {
            loop.run();
        } finally {
            CURRENT.set(null); // cheaper than remove(); the thread keeps one empty slot
            RUNNING.decrementAndGet();
            f.writeHere(f.transports, f.batches, f.size);
        }
    }

    /** The broadcast this thread is looping over, or null. */
    static FanOut current() {
        return RUNNING.get() == 0 ? null : CURRENT.get();
    }

    void add(Transport t, List<EnginePacket> batch) {
        transports[size] = t;
        batches[size] = batch;
        if (++size == CHUNK) {
            Transport[] ts = transports;
            List<EnginePacket>[] bs = batches;
            transports = new Transport[CHUNK];
            @SuppressWarnings("unchecked")
            List<EnginePacket>[] fresh = new List[CHUNK];
            batches = fresh;
            size = 0;
            try {
                writers.execute(() -> writeHere(ts, bs, CHUNK));
            } catch (RejectedExecutionException stopping) {
                writeHere(ts, bs, CHUNK);
            }
        }
    }

    private static void writeHere(Transport[] ts, List<EnginePacket>[] bs, int n) {
        for (int i = 0; i < n; i++) {
            try {
                ts[i].send(bs[i]);
            } catch (RuntimeException e) {
                // a transport reports its own failures to its session; one must not stop the others
                java.util.logging.Logger.getLogger(FanOut.class.getName()).log(java.util.logging.Level.FINE, "broadcast write", e);
            }
        }
    }
}
