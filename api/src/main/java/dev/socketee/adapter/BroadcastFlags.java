package dev.socketee.adapter;

import java.time.Duration;

/**
 * How a broadcast travels (socket.io-adapter's {@code BroadcastFlags}): {@code local} stays on this
 * node, {@code volatile} is dropped for a socket whose transport cannot take it now, {@code timeout}
 * bounds an emit with acknowledgements (null: no acks asked), {@code compress} is node's per-message
 * compression wish (null: not set), carried to other nodes as node does.
 */
public record BroadcastFlags(boolean local, boolean volatile_, Duration timeout, Boolean compress) {

    public static final BroadcastFlags NONE = new BroadcastFlags(false, false, null, null);

    public BroadcastFlags(boolean local, boolean volatile_, Duration timeout) {
        this(local, volatile_, timeout, null);
    }

    public BroadcastFlags withLocal() {
        return new BroadcastFlags(true, volatile_, timeout, compress);
    }

    public BroadcastFlags withVolatile() {
        return new BroadcastFlags(local, true, timeout, compress);
    }

    public BroadcastFlags withTimeout(Duration t) {
        return new BroadcastFlags(local, volatile_, t, compress);
    }

    public BroadcastFlags withCompress(boolean c) {
        return new BroadcastFlags(local, volatile_, timeout, c);
    }
}
