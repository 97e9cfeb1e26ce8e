package dev.socketee.impl.engine.transport.jettycore;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The fragments of one websocket message being received (a frame without FIN, then
 * continuations), up to {@code limit} bytes in all. Empty between messages: an unfragmented
 * message, the usual case, never comes here.
 */
final class MessageAssembly {

    private final int limit;
    private byte[] bytes;
    private int length;
    private boolean text;
    private boolean active;

    MessageAssembly(int limit) {
        this.limit = limit;
    }

    boolean isActive() {
        return active;
    }

    /** Whether the message being assembled is text (else binary). */
    boolean isText() {
        return text;
    }

    void start(boolean isText) {
        active = true;
        text = isText;
        length = 0;
    }

    /** Appends the remaining bytes of {@code fragment}; false when the message would exceed the limit. */
    boolean append(ByteBuffer fragment) {
        int n = fragment.remaining();
        if ((long) length + n > limit) {
            return false;
        }
        if (bytes == null || bytes.length < length + n) {
            bytes = Arrays.copyOf(bytes == null ? new byte[0] : bytes, Math.min(limit, Math.max(length + n, 2 * (length + n))));
        }
        fragment.get(fragment.position(), bytes, length, n);
        length += n;
        return true;
    }

    /** The message's bytes (a copy), the assembly empty again and its buffer let go. */
    byte[] take() {
        byte[] out = Arrays.copyOf(bytes == null ? new byte[0] : bytes, length);
        reset();
        return out;
    }

    void reset() {
        active = false;
        bytes = null;
        length = 0;
    }
}
