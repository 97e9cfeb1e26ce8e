package dev.socketee.impl.engine.transport.polling;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a request body without blocking, up to a limit. Exactly one of the callbacks runs:
 * the body, "too large", or a read error. After "too large" the reader goes on reading the rest
 * of the body and throwing it away, up to a bound, and then tells {@code onDiscarded}: a client
 * still sending is not reset under the answer it has not read yet (see {@link #discarding}).
 */
final class AsyncBodyReader implements ReadListener {

    interface Callbacks {
        void onBody(byte[] body, int length);

        /** Over the limit: the rest of the body is now read and thrown away. */
        void onTooLarge();

        /** After {@link #onTooLarge}: the body ended, the discard bound was reached, or the read failed. */
        void onDiscarded();

        void onReadError(Throwable t);
    }

    private enum State { READING, DISCARDING, DONE }

    private static final int SCRATCH = 8192;

    private final ServletInputStream in;
    private final int limit;
    private final long maxDiscard;
    private final Callbacks callbacks;
    private byte[] buf;
    private int size;
    private long discarded;
    private State state;

    AsyncBodyReader(ServletInputStream in, int limit, int expectedLength, long maxDiscard, Callbacks callbacks) {
        this(in, limit, maxDiscard, callbacks, State.READING, new byte[expectedLength > 0 ? expectedLength : 512]);
    }

    private AsyncBodyReader(ServletInputStream in, int limit, long maxDiscard, Callbacks callbacks, State state, byte[] buf) {
        this.in = in;
        this.limit = limit;
        this.maxDiscard = maxDiscard;
        this.callbacks = callbacks;
        this.state = state;
        this.buf = buf;
    }

    /**
     * A reader for a body refused before its first byte: it only discards, up to
     * {@code maxDiscard} bytes, and then runs {@code onDiscarded}.
     */
    static AsyncBodyReader discarding(ServletInputStream in, long maxDiscard, Runnable onDiscarded) {
        return new AsyncBodyReader(in, 0, maxDiscard, new Callbacks() {
            @Override
            public void onBody(byte[] body, int length) {
            }

            @Override
            public void onTooLarge() {
            }

            @Override
            public void onDiscarded() {
                onDiscarded.run();
            }

            @Override
            public void onReadError(Throwable t) {
            }
        }, State.DISCARDING, new byte[SCRATCH]);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (state != State.DONE && in.isReady()) {
            if (!(state == State.READING ? readSome() : discardSome())) {
                return; // end of the body: onAllDataRead follows
            }
        }
    }

    private boolean readSome() throws IOException {
        if (size == buf.length) {
            if (buf.length > limit) {
                tooLarge();
                return true;
            }
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, limit + 1));
        }
        int n = in.read(buf, size, buf.length - size);
        if (n < 0) {
            return false;
        }
        size += n;
        if (size > limit) {
            tooLarge();
        }
        return true;
    }

    private boolean discardSome() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        discarded += n;
        if (discarded > maxDiscard) {
            state = State.DONE; // bound reached: the container closes the connection under the rest
            callbacks.onDiscarded();
        }
        return true;
    }

    private void tooLarge() {
        state = State.DISCARDING;
        size = 0;
        buf = new byte[SCRATCH]; // the body is dropped: a small scratch buffer from here on
        callbacks.onTooLarge();
    }

    @Override
    public void onAllDataRead() {
        State was = state;
        state = State.DONE;
        if (was == State.READING) {
            callbacks.onBody(buf, size);
        } else if (was == State.DISCARDING) {
            callbacks.onDiscarded();
        }
    }

    @Override
    public void onError(Throwable t) {
        State was = state;
        state = State.DONE;
        if (was == State.READING) {
            callbacks.onReadError(t);
        } else if (was == State.DISCARDING) {
            callbacks.onDiscarded();
        }
    }
}
