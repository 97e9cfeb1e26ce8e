package dev.socketee.impl.engine.transport.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body reader's callbacks: the body, or "too large" followed by the discard of the rest, bounded. */
class AsyncBodyReaderTest {

    private final List<String> calls = new ArrayList<>();
    private final AsyncBodyReader.Callbacks record = new AsyncBodyReader.Callbacks() {
        @Override
        public void onBody(byte[] body, int length) {
            calls.add("body " + new String(body, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onTooLarge() {
            calls.add("too large");
        }

        @Override
        public void onDiscarded() {
            calls.add("discarded");
        }

        @Override
        public void onReadError(Throwable t) {
            calls.add("error");
        }
    };

    /** Bytes that arrive as the test says; reads take what has arrived. */
    private static final class Input extends ServletInputStream {
        private final byte[] body;
        private int arrived;
        private int pos;

        Input(int length) {
            body = "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
        }

        int consumed() {
            return pos;
        }

        @Override
        public int read() {
            return pos < arrived ? body[pos++] : -1;
        }

        void arrive(ReadListener reader, int n) throws IOException {
            arrived = Math.min(body.length, arrived + n);
            reader.onDataAvailable();
        }

        @Override
        public boolean isFinished() {
            return pos == body.length;
        }

        @Override
        public boolean isReady() {
            return pos < arrived;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, arrived - pos);
            System.arraycopy(body, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void aBodyWithinTheLimitIsHandedOver() throws IOException {
        Input in = new Input(10);
        AsyncBodyReader reader = new AsyncBodyReader(in, 10, 0, 100, record);
        in.arrive(reader, 10);
        reader.onAllDataRead();
        assertEquals(List.of("body xxxxxxxxxx"), calls);
    }

    @Test
    void overTheLimitTheRestIsReadAndDroppedToTheEnd() throws IOException {
        Input in = new Input(50);
        AsyncBodyReader reader = new AsyncBodyReader(in, 10, 0, 100, record);
        in.arrive(reader, 11);
        assertEquals(List.of("too large"), calls);
        in.arrive(reader, 39);
        assertEquals(50, in.consumed(), "the rest is read");
        reader.onAllDataRead();
        assertEquals(List.of("too large", "discarded"), calls);
    }

    @Test
    void theDiscardStopsAtItsBound() throws IOException {
        Input in = new Input(100_000);
        AsyncBodyReader reader = new AsyncBodyReader(in, 10, 0, 20_000, record);
        in.arrive(reader, 100_000);
        assertEquals(List.of("too large", "discarded"), calls, "done at the bound, the body not ended");
        assertTrue(in.consumed() <= 11 + 20_000 + 8192, () -> "read " + in.consumed() + " bytes");
        reader.onAllDataRead();
        assertEquals(List.of("too large", "discarded"), calls, "once");
    }

    @Test
    void aReadErrorWhileDiscardingEndsTheDiscard() throws IOException {
        Input in = new Input(50);
        AsyncBodyReader reader = new AsyncBodyReader(in, 10, 0, 100, record);
        in.arrive(reader, 20);
        reader.onError(new IOException("reset"));
        assertEquals(List.of("too large", "discarded"), calls);
    }

    @Test
    void aDiscardingReaderOnlyDiscards() throws IOException {
        Input in = new Input(30);
        AsyncBodyReader reader = AsyncBodyReader.discarding(in, 100, () -> calls.add("dropped"));
        in.arrive(reader, 30);
        assertEquals(List.of(), calls);
        reader.onAllDataRead();
        assertEquals(List.of("dropped"), calls);
    }
}
