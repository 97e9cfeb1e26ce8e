package dev.socketee.emitter;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Where the encoded messages go: Redis in production ({@link LettucePublisher}), a list in unit tests. */
interface Publisher {

    /** Publishes without waiting; the stage completes with Redis's PUBLISH answer (its receiver count). */
    CompletionStage<Long> publish(String channel, byte[] message);

    /** Refuses further publishes, waits up to {@code flushTimeout} for those under way, then lets go of Redis. */
    void close(Duration flushTimeout);
}
