package dev.socketee.impl.engine.transport.jettycore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

class IoThreadEndPointTest {

    /** Counts the reads that reach the socket. */
    private static final class CountingEndPoint extends ByteArrayEndPoint {
        int fills;

        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            fills++;
            return super.fill(buffer);
        }
    }

    private final CountingEndPoint socket = new CountingEndPoint();
    private final IoThreadEndPoint endPoint = new IoThreadEndPoint(socket, new SelectorStallWatch());

    @Test
    void aReadThatLeftRoomAnswersTheNextReadWithoutTheSocket() throws IOException {
        socket.addInput("hello");
        ByteBuffer buffer = BufferUtil.allocate(64);

        assertEquals(5, endPoint.fill(buffer));
        assertEquals("hello", BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
        BufferUtil.clear(buffer);
        assertEquals(0, endPoint.fill(buffer), "the socket was emptied by the short read");
        assertEquals(1, socket.fills, "the empty read never reached the socket");
    }

    @Test
    void afterTheSkippedReadTheSocketIsReadAgain() throws IOException {
        ByteBuffer buffer = BufferUtil.allocate(64);
        socket.addInput("one");
        endPoint.fill(buffer);
        BufferUtil.clear(buffer);
        endPoint.fill(buffer); // skipped: Jetty would now wait for the selector
        socket.addInput("two"); // what the selector reports

        assertEquals(3, endPoint.fill(buffer));
        assertEquals("two", BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
        assertEquals(2, socket.fills);
    }

    @Test
    void aReadThatFilledTheBufferIsFollowedByARealRead() throws IOException {
        socket.addInput("0123456789");
        ByteBuffer buffer = BufferUtil.allocate(4);

        assertEquals(4, endPoint.fill(buffer));
        BufferUtil.clear(buffer);
        assertEquals(4, endPoint.fill(buffer), "a full buffer says nothing about what is left");
        BufferUtil.clear(buffer);
        assertEquals(2, endPoint.fill(buffer));
        assertEquals("89", BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
        assertEquals(3, socket.fills);
    }

    @Test
    void emptyReadsAndTheEndOfInputComeFromTheSocket() throws IOException {
        ByteBuffer buffer = BufferUtil.allocate(16);
        assertEquals(0, endPoint.fill(buffer));
        assertEquals(0, endPoint.fill(buffer));
        socket.addInputEOF();
        assertEquals(-1, endPoint.fill(buffer));
        assertEquals(3, socket.fills, "a read of nothing is no reason to skip the next one");
    }

    @Test
    void onlyPlainTcpEndPointsAreWrapped() {
        assertSame(socket, IoThreadEndPoint.around(socket, new SelectorStallWatch()), "anything but a SocketChannelEndPoint (TLS's decrypting one) reads as it is");
    }

    @Test
    void everythingButReadingIsTheSocketsOwn() throws IOException {
        endPoint.setIdleTimeout(1234);
        assertEquals(1234, socket.getIdleTimeout());
        endPoint.write(org.eclipse.jetty.util.Callback.NOOP, BufferUtil.toBuffer("out"));
        assertEquals("out", socket.takeOutputString());
        endPoint.close();
        assertEquals(false, socket.isOpen());
    }

    @Test
    void readCallbacksAreRunByTheSelectorItself() {
        java.util.concurrent.atomic.AtomicInteger fillable = new java.util.concurrent.atomic.AtomicInteger();
        org.eclipse.jetty.util.Callback read = new org.eclipse.jetty.util.Callback() {
            @Override
            public void succeeded() {
                fillable.incrementAndGet();
            }
        };
        assertEquals(org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING,
                org.eclipse.jetty.util.thread.Invocable.getInvocationType(read), "Jetty's default");

        endPoint.fillInterested(read);
        socket.addInput("x"); // ByteArrayEndPoint runs the registered callback

        assertEquals(1, fillable.get(), "the connection's own callback is called");
    }

    @Test
    void theNonBlockingTwinOfACallbackIsMadeOnce() {
        org.eclipse.jetty.util.Callback read = new org.eclipse.jetty.util.Callback() {
        };
        java.util.List<org.eclipse.jetty.util.Callback> registered = new java.util.ArrayList<>();
        IoThreadEndPoint seen = new IoThreadEndPoint(new ByteArrayEndPoint() {
            @Override
            public void fillInterested(org.eclipse.jetty.util.Callback callback) {
                registered.add(callback);
            }
        }, new SelectorStallWatch());
        seen.fillInterested(read);
        seen.fillInterested(read);

        assertEquals(2, registered.size());
        assertSame(registered.get(0), registered.get(1), "no allocation per message");
        assertEquals(org.eclipse.jetty.util.thread.Invocable.InvocationType.NON_BLOCKING,
                org.eclipse.jetty.util.thread.Invocable.getInvocationType(registered.get(0)));
    }
}
