package dev.socketee.impl.engine.transport.polling;

import jakarta.servlet.AsyncContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * node's answer to a POST over maxPayload, 413, with {@code Connection: close}. The request
 * completes once the answer is flushed and the rest of the body has been read and dropped (by
 * a discarding {@link AsyncBodyReader}, up to a bound): closing under a body the client is
 * still sending makes the kernel reset the connection, and the client may lose the answer with
 * it. node's HTTP server reads the rest of the body too. The request's async timeout bounds
 * the wait for a body that stalls.
 */
final class TooLargeAnswer {

    private static final byte[] BODY = "Payload Too Large".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext ac;
    private final AtomicInteger pending = new AtomicInteger(2); // the answer flushed, the body dropped

    private TooLargeAnswer(AsyncContext ac) {
        this.ac = ac;
    }

    /** Writes the answer; the request completes once {@link #bodyDropped()} has run too. */
    static TooLargeAnswer send(AsyncContext ac, String contentType) {
        TooLargeAnswer answer = new TooLargeAnswer(ac);
        AsyncResponses.dropConnection(ac);
        AsyncResponses.write(ac, 413, contentType, BODY, answer::oneDone);
        return answer;
    }

    /** The rest of the body is read (or the bound reached, or the read failed). */
    void bodyDropped() {
        oneDone();
    }

    private void oneDone() {
        if (pending.decrementAndGet() == 0) {
            AsyncResponses.completeQuietly(ac);
        }
    }
}
