package dev.socketee.emitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Keeps what would have been published, for byte-exact assertions without Redis. */
final class RecordingPublisher implements Publisher {

    record Published(String channel, byte[] message) {
        String hex() {
            return HexFormat.of().formatHex(message);
        }

        String text() {
            return new String(message, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    final List<Published> published = new ArrayList<>();
    boolean closed;

    @Override
    public CompletionStage<Long> publish(String channel, byte[] message) {
        if (closed) throw new IllegalStateException("the emitter is closed");
        published.add(new Published(channel, message));
        return CompletableFuture.completedFuture(1L);
    }

    @Override
    public void close(Duration flushTimeout) {
        closed = true;
    }

    /** The one message published since the last call. */
    Published single() {
        if (published.size() != 1) throw new AssertionError("expected one message, got " + published.size());
        return published.remove(0);
    }
}
