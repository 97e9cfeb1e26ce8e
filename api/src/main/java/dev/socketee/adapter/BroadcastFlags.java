package dev.socketee.adapter;

import java.time.Duration;

/**
 * How a broadcast travels (socket.io-adapter's {@code BroadcastFlags}): {@code local} stays on this
 * node, {@code volatile} is dropped for a socket whose transport cannot take it now, {@code timeout}
 * bounds an emit with acknowledgements (null: no acks asked).
 */
public record BroadcastFlags(boolean local, boolean volatile_, Duration timeout) {

    public static final BroadcastFlags NONE = new BroadcastFlags(false, false, null);

    public BroadcastFlags withLocal() {
        return new BroadcastFlags(true, volatile_, timeout);
    }

    public BroadcastFlags withVolatile() {
        return new BroadcastFlags(local, true, timeout);
    }

    public BroadcastFlags withTimeout(Duration t) {
        return new BroadcastFlags(local, volatile_, t);
    }
}
