package dev.socketee.impl.engine.transport.polling;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a whole response body of an async request without blocking: the bytes go out from
 * the container's write-possible callback, and the request completes once they are written
 * (or, with {@code whenSent}, the bytes are flushed and the caller completes it).
 */
final class AsyncResponses {

    private static final Logger LOG = Logger.getLogger(AsyncResponses.class.getName());

    private AsyncResponses() {
    }

    static void write(AsyncContext ac, int status, String contentType, byte[] body) {
        write(ac, status, contentType, body, null);
    }

    /**
     * Writes and flushes the answer, then runs {@code whenSent} instead of completing: for a
     * request whose body is still to be read after its answer. A failed write completes it.
     */
    static void write(AsyncContext ac, int status, String contentType, byte[] body, Runnable whenSent) {
        try {
            HttpServletResponse r = (HttpServletResponse) ac.getResponse();
            r.setStatus(status);
            r.setContentType(contentType);
            r.setContentLength(body.length);
            ServletOutputStream out = r.getOutputStream();
            out.setWriteListener(new BodyWriter(ac, out, body, whenSent));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Polling response could not be written", e);
            completeQuietly(ac);
        }
    }

    /** Completes with a status and no body, without a write to wait for. */
    static void completeEmpty(AsyncContext ac, int status) {
        try {
            HttpServletResponse r = (HttpServletResponse) ac.getResponse();
            r.setStatus(status);
            r.setContentLength(0);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Polling response could not be set", e);
        }
        completeQuietly(ac);
    }

    /** Asks the container to close the connection after the answer (its body may be unread). */
    static void dropConnection(AsyncContext ac) {
        try {
            ((HttpServletResponse) ac.getResponse()).setHeader("Connection", "close");
        } catch (RuntimeException ignored) {
            // the response is gone already: the write that follows completes what is left
        }
    }

    static void completeQuietly(AsyncContext ac) {
        try {
            ac.complete();
        } catch (RuntimeException ignored) {
            // already completed or the connection is gone: nothing left to do
        }
    }

    private static final class BodyWriter implements WriteListener {
        private final AsyncContext ac;
        private final ServletOutputStream out;
        private final byte[] body;
        private final Runnable whenSent;
        private boolean written;
        private boolean flushed;
        private boolean sent;

        BodyWriter(AsyncContext ac, ServletOutputStream out, byte[] body, Runnable whenSent) {
            this.ac = ac;
            this.out = out;
            this.body = body;
            this.whenSent = whenSent;
        }

        @Override
        public void onWritePossible() throws IOException {
            if (!written) {
                written = true;
                out.write(body);
                if (!out.isReady()) {
                    return; // called again when the bytes are out
                }
            }
            if (whenSent == null) {
                completeQuietly(ac); // completing flushes
                return;
            }
            if (!flushed) {
                flushed = true;
                out.flush(); // the request stays open: the answer must not wait in a buffer
                if (!out.isReady()) {
                    return;
                }
            }
            if (!sent) {
                sent = true;
                whenSent.run();
            }
        }

        @Override
        public void onError(Throwable t) {
            LOG.log(Level.FINE, "Polling response failed", t);
            completeQuietly(ac);
        }
    }
}
