package dev.socketee.impl.engine.transport.polling;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a request body without blocking, up to a limit. Exactly one of the callbacks runs:
 * the body, "too large", or a read error.
 */
final class AsyncBodyReader implements ReadListener {

    interface Callbacks {
        void onBody(byte[] body, int length);

        void onTooLarge();

        void onReadError(Throwable t);
    }

    private final ServletInputStream in;
    private final int limit;
    private final Callbacks callbacks;
    private byte[] buf;
    private int size;
    private boolean done;

    AsyncBodyReader(ServletInputStream in, int limit, int expectedLength, Callbacks callbacks) {
        this.in = in;
        this.limit = limit;
        this.callbacks = callbacks;
        this.buf = new byte[expectedLength > 0 ? expectedLength : 512];
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done && in.isReady()) {
            if (size == buf.length) {
                if (buf.length > limit) {
                    finishTooLarge();
                    return;
                }
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, limit + 1));
            }
            int n = in.read(buf, size, buf.length - size);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            size += n;
            if (size > limit) {
                finishTooLarge();
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (!done) {
            done = true;
            callbacks.onBody(buf, size);
        }
    }

    @Override
    public void onError(Throwable t) {
        if (!done) {
            done = true;
            callbacks.onReadError(t);
        }
    }

    private void finishTooLarge() {
        done = true;
        callbacks.onTooLarge();
    }
}
