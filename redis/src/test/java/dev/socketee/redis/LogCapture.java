package dev.socketee.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one logger publishes while a test runs (FINE and up). */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        previous = logger.getLevel();
        logger.setLevel(Level.FINE);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
        notifyAll();
    }

    synchronized List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    synchronized void await(Level level, String contains) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (messages(level).stream().noneMatch(m -> m.contains(contains))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("never logged " + level + " '" + contains + "'; got " + messages(level));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
