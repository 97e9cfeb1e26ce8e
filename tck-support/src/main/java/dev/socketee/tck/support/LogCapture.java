package dev.socketee.tck.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What some java.util.logging loggers publish while a test runs, for the test to assert on:
 * {@code try (LogCapture log = LogCapture.of(SomeClass.class).atLevel(Level.FINE)) { ...;
 * log.await(Level.WARNING, "text", Duration.ofSeconds(5)); }}. The records of the loggers'
 * children arrive too (logger names nest). Closing puts back what it changed: the handler, the
 * loggers' levels, and whether they also print through their parents.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<Logger> loggers;
    private final List<Level> levels = new ArrayList<>();
    private final List<Boolean> useParents = new ArrayList<>();
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(List<Logger> loggers) {
        this.loggers = loggers;
        for (Logger logger : loggers) {
            levels.add(logger.getLevel());
            useParents.add(logger.getUseParentHandlers());
        }
        setLevel(Level.ALL);
        for (Logger logger : loggers) {
            logger.addHandler(this);
        }
    }

    /** The logger named after {@code source}, as JUL loggers usually are. */
    public static LogCapture of(Class<?> source) {
        return of(Logger.getLogger(source.getName()));
    }

    /** These loggers' records, in the one order they were published. */
    public static LogCapture of(Logger... loggers) {
        return new LogCapture(List.of(loggers));
    }

    /** The loggers log from {@code level} up until closed (FINE, say, to see debug lines). */
    public LogCapture atLevel(Level level) {
        for (Logger logger : loggers) {
            logger.setLevel(level);
        }
        return this;
    }

    /** The records are only captured, not printed too (a test that causes many warnings on purpose). */
    public LogCapture quiet() {
        for (Logger logger : loggers) {
            logger.setUseParentHandlers(false);
        }
        return this;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
        notifyAll();
    }

    /** Every record so far, oldest first. */
    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages so far (unformatted), oldest first. */
    public synchronized List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    /** The messages so far at exactly {@code level}. */
    public synchronized List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    /** "logger LEVEL message" per record so far: for tests about which logger said what. */
    public synchronized List<String> lines() {
        return records.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage()).toList();
    }

    /** Forgets what was captured so far. */
    public synchronized void clear() {
        records.clear();
    }

    /** The first record at {@code level} whose message contains {@code text}, waited for up to {@code timeout}. */
    public LogRecord await(Level level, String text, Duration timeout) {
        return await(r -> r.getLevel().equals(level) && r.getMessage() != null && r.getMessage().contains(text), timeout,
                level + " '" + text + "'");
    }

    /** The first record that {@code matches}, waited for up to {@code timeout}. */
    public synchronized LogRecord await(Predicate<LogRecord> matches, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (LogRecord r : records) {
                if (matches.test(r)) {
                    return r;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("never logged " + what + " within " + timeout + "; got " + lines());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            Logger logger = loggers.get(i);
            logger.removeHandler(this);
            logger.setLevel(levels.get(i));
            logger.setUseParentHandlers(useParents.get(i));
        }
    }
}
