package dev.socketee.impl.engine.bench;

import dev.socketee.impl.engine.ExecutorScheduler;
import dev.socketee.impl.engine.Timeout;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hand-run benchmark (not a test): the heartbeat timers of 10k sessions on {@link ExecutorScheduler}
 * and on a bare ScheduledThreadPoolExecutor with remove-on-cancel (what it adds). Bounded: ~15 s.
 * The same bench against the old 5 ms timer wheel is in this file's history (commit "bench:
 * TimerBench"): 52 ns and 0 B per re-arm, but 198 wake-ups and 11 ms of timer CPU a second idle.
 * <pre>
 * mvn -o -q -pl impl -am test-compile
 * java -cp impl/target/classes:impl/target/test-classes dev.socketee.impl.engine.bench.TimerBench
 * </pre>
 * Measures per re-arm CPU and allocation (the caller's thread), a burst of 10k first arms (connects),
 * and the timer thread's idle wake-ups per second (voluntary context switches in /proc) with 10k armed.
 */
public final class TimerBench {

    static final int SESSIONS = 10_000;
    static final long PING_INTERVAL_MS = 25_000;

    interface Timers {
        void arm(int i, long delayMillis);
        String threadName();
        void close();
    }

    /** The scheduler in use: STPE timer thread, expiries on an engine pool. */
    static final class Engine implements Timers {
        final ExecutorScheduler scheduler = new ExecutorScheduler("bench", 2);
        final Timeout[] t = new Timeout[SESSIONS];
        Engine() {
            for (int i = 0; i < SESSIONS; i++) {
                t[i] = new Timeout() {
                    @Override
                    protected void expire() {
                    }
                };
            }
        }
        public void arm(int i, long d) {
            scheduler.schedule(t[i], d);
        }
        public String threadName() {
            return "bench-timer";
        }
        public void close() {
            scheduler.close();
        }
    }

    static final class Jdk implements Timers {
        final ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "bench-stpe");
            th.setDaemon(true);
            return th;
        });
        final ScheduledFuture<?>[] f = new ScheduledFuture<?>[SESSIONS];
        final Runnable[] task = new Runnable[SESSIONS];
        Jdk() {
            stpe.setRemoveOnCancelPolicy(true);
            for (int i = 0; i < SESSIONS; i++) {
                task[i] = () -> { };
            }
        }
        public void arm(int i, long d) {
            ScheduledFuture<?> old = f[i];
            if (old != null) {
                old.cancel(false);
            }
            f[i] = stpe.schedule(task[i], d, TimeUnit.MILLISECONDS);
        }
        public String threadName() {
            return "bench-stpe";
        }
        public void close() {
            stpe.shutdownNow();
        }
    }

    public static void main(String[] args) throws Exception {
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
            for (Timers timers : new Timers[] {new Engine(), new Jdk()}) {
                run(timers, round == 1);
                timers.close();
            }
        }
    }

    static void run(Timers timers, boolean print) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        Random rnd = new Random(1);

        // a burst of 10k connects: every session arms its first ping
        long a0 = mx.getThreadAllocatedBytes(tid);
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        for (int i = 0; i < SESSIONS; i++) {
            timers.arm(i, PING_INTERVAL_MS + rnd.nextInt(1000));
        }
        long burstWall = System.nanoTime() - w0;
        long burstCpu = mx.getCurrentThreadCpuTime() - c0;
        long burstAlloc = mx.getThreadAllocatedBytes(tid) - a0;

        // re-arms: a pong moves the session's armed timeout to the next ping (1M re-arms, random sessions)
        int rearms = 1_000_000;
        a0 = mx.getThreadAllocatedBytes(tid);
        c0 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < rearms; k++) {
            int i = rnd.nextInt(SESSIONS);
            timers.arm(i, (k & 1) == 0 ? 20_000 : PING_INTERVAL_MS + rnd.nextInt(1000));
        }
        long rearmCpu = mx.getCurrentThreadCpuTime() - c0;
        long rearmAlloc = mx.getThreadAllocatedBytes(tid) - a0;

        // idle: 10k armed, nothing due within the window; count the timer thread's wake-ups
        Thread.sleep(200);
        long timerTid = threadId(timers.threadName());
        long s0 = contextSwitches(timers.threadName());
        long t0 = mx.getThreadCpuTime(timerTid);
        long i0 = System.nanoTime();
        Thread.sleep(3000);
        long s1 = contextSwitches(timers.threadName());
        long t1 = mx.getThreadCpuTime(timerTid);
        double idleSeconds = (System.nanoTime() - i0) / 1e9;

        if (print) {
            System.out.printf("%-12s burst of %d arms: %.1f ms wall, %.0f ns CPU/arm, %.0f B/arm;"
                            + " re-arm: %.0f ns CPU, %.1f B; idle with %d armed: %.1f wake-ups/s, %.0f us timer CPU/s%n",
                    timers.threadName(), SESSIONS, burstWall / 1e6, (double) burstCpu / SESSIONS,
                    (double) burstAlloc / SESSIONS, (double) rearmCpu / rearms, (double) rearmAlloc / rearms,
                    SESSIONS, (s1 - s0) / idleSeconds, (t1 - t0) / 1e3 / idleSeconds);
        }
    }

    static long threadId(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return t.getId();
            }
        }
        return -1;
    }

    /** Voluntary context switches of the thread with that name (Linux /proc), -1 if unknown. */
    static long contextSwitches(String name) throws Exception {
        String comm = name.length() > 15 ? name.substring(0, 15) : name;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).trim().equals(comm)) {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                }
            }
        }
        return -1;
    }
}
