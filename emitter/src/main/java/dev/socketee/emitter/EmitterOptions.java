package dev.socketee.emitter;

import java.time.Duration;
import java.util.Objects;

/**
 * How an emitter talks to the cluster. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <pre>{@code
 * EmitterOptions.builder().key("my-app").build()
 * }</pre>
 */
public final class EmitterOptions {

    /** The channel prefix node's adapter and emitter use unless told otherwise. */
    public static final String DEFAULT_KEY = "socket.io";

    private static final EmitterOptions DEFAULTS = builder().build();

    private final String key;
    private final Parser parser;
    private final Duration flushTimeout;
    private final int maxQueuedPublishes;

    private EmitterOptions(Builder b) {
        this.key = b.key;
        this.parser = b.parser;
        this.flushTimeout = b.flushTimeout;
        this.maxQueuedPublishes = b.maxQueuedPublishes;
    }

    public static EmitterOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The channel prefix, the adapters' {@code key} option; default {@value #DEFAULT_KEY}. */
    public String key() {
        return key;
    }

    /** The broadcast message encoder; default {@link Parser#msgpack()}. */
    public Parser parser() {
        return parser;
    }

    /** How long {@code close()} waits for Redis to confirm the publishes still under way; default 10 s. */
    public Duration flushTimeout() {
        return flushTimeout;
    }

    /**
     * How many publishes may wait for Redis (in flight, or queued while it is unreachable and the
     * client reconnects) before further ones fail at once; default 65,536. Only for an emitter that
     * opens its own connection ({@code SocketIoEmitter.create}).
     */
    public int maxQueuedPublishes() {
        return maxQueuedPublishes;
    }

    public static final class Builder {
        private String key = DEFAULT_KEY;
        private Parser parser = Parser.msgpack();
        private Duration flushTimeout = Duration.ofSeconds(10);
        private int maxQueuedPublishes = 65_536;

        private Builder() {}

        public Builder key(String key) {
            if (Objects.requireNonNull(key, "key").isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            this.key = key;
            return this;
        }

        public Builder parser(Parser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        public Builder flushTimeout(Duration flushTimeout) {
            if (Objects.requireNonNull(flushTimeout, "flushTimeout").isNegative()) {
                throw new IllegalArgumentException("flushTimeout must not be negative: " + flushTimeout);
            }
            this.flushTimeout = flushTimeout;
            return this;
        }

        public Builder maxQueuedPublishes(int maxQueuedPublishes) {
            if (maxQueuedPublishes < 1) {
                throw new IllegalArgumentException("maxQueuedPublishes must be at least 1: " + maxQueuedPublishes);
            }
            this.maxQueuedPublishes = maxQueuedPublishes;
            return this;
        }

        public EmitterOptions build() {
            return new EmitterOptions(this);
        }
    }
}
