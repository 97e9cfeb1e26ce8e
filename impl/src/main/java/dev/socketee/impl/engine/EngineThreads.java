package dev.socketee.impl.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where a server's time-driven work runs. Timers fire on the {@link Scheduler} (its timer thread
 * only waits; expiries run on its engine pool: pings, upgrade timeouts). What a timer starts that
 * reaches user code runs on {@link #callbacks()}: the session close (the listener, hence
 * Socket.IO disconnect handlers) after a ping timeout, a close deadline or a connect timeout,
 * and ack-timeout callbacks. Under CDI the callback threads come from the container's
 * {@code ManagedThreadFactory} so that user code sees the application's context.
 *
 * <pre>{@code
 * EngineThreads threads = EngineThreads.standalone("socketee/socket.io", null);
 * EngineThreads forTests = EngineThreads.of(manualScheduler, Runnable::run);
 * }</pre>
 */
public final class EngineThreads implements AutoCloseable {

    /** Callback threads of {@link #standalone}: few, as node runs them on one. */
    static final int CALLBACK_THREADS = 2;

    private final Scheduler scheduler;
    private final Executor callbacks;
    private final Executor writers;
    private final Runnable owned;

    private EngineThreads(Scheduler scheduler, Executor callbacks, Executor writers, Runnable owned) {
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.writers = writers;
        this.owned = owned;
    }

    /** Given threads, not closed by {@link #close()} (tests; a caller that owns its pools); broadcasts write inline. */
    public static EngineThreads of(Scheduler scheduler, Executor callbacks) {
        return new EngineThreads(scheduler, callbacks, Runnable::run, null);
    }

    /** As above, with the threads a broadcast's writes are spread over ({@link FanOut}). */
    public static EngineThreads of(Scheduler scheduler, Executor callbacks, Executor writers) {
        return new EngineThreads(scheduler, callbacks, writers, null);
    }

    /**
     * A real-time scheduler and a small bounded callback pool of our own, both closed with the
     * server. Callback threads come from {@code callbackThreads} (null: plain daemon threads);
     * they are all started now, on the calling thread. A full callback queue runs the callback
     * on the thread that hands it over rather than drop a disconnect.
     */
    public static EngineThreads standalone(String name, ThreadFactory callbackThreads) {
        ExecutorScheduler scheduler = new ExecutorScheduler(name, 2);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CALLBACK_THREADS, CALLBACK_THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000),
                callbackThreads != null ? callbackThreads : ExecutorScheduler.daemon(name + "-callback", true),
                new ThreadPoolExecutor.CallerRunsPolicy());
        pool.prestartAllCoreThreads();
        ThreadPoolExecutor writers = writerPool(name);
        return new EngineThreads(scheduler, pool, writers, () -> {
            scheduler.close();
            pool.shutdown(); // queued disconnects still run; nothing new is taken
            writers.shutdown();
        });
    }

    /**
     * One writer per core: they only start non-blocking sends (no user code), so more would only
     * queue. A full queue writes on the broadcasting thread (back-pressure, nothing dropped).
     */
    private static ThreadPoolExecutor writerPool(String name) {
        int n = Math.max(1, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor writers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096),
                ExecutorScheduler.daemon(name + "-writer", true), new ThreadPoolExecutor.CallerRunsPolicy());
        writers.allowCoreThreadTimeOut(true);
        return writers;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Executor callbacks() {
        return callbacks;
    }

    /** Where the writes of a broadcast's targets run (see {@link FanOut}). */
    public Executor writers() {
        return writers;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.run();
        }
    }
}
