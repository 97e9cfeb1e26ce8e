package dev.socketee.impl.engine.transport.jettycore;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * A plain TCP endpoint as Jetty's websocket connection sees it when messages are handled on the
 * I/O thread ({@code socketee.websocket-io-thread=true}): every read callback it registers is
 * declared non-blocking, so Jetty's selector runs it itself (read, parse, handler, reply) instead
 * of handing the connection to another thread and waking one to select in its place, and then
 * re-arming interest from a non-selector thread, which wakes the selector again. The two wake-ups
 * per message go (the re-arm is still a key update, but the selector applies it itself): that is
 * netty's and node's model, and where their echo speed comes from (measured: 0.47 -> 0.02 context
 * switches per ack).
 *
 * <p>And one read system call less per message: Jetty reads until a read returns 0 bytes. A read
 * that left room in the buffer already emptied the socket (TCP hands over all it has, up to the
 * room given), so the next read answers 0 without asking the kernel; Jetty then re-arms interest,
 * and NIO's level-triggered selection reports at once anything that came in meanwhile. Nothing is
 * lost or reordered.
 *
 * <p>A read callback that runs long on the selector (a handler that blocks) is logged by the
 * {@link SelectorStallWatch}.
 *
 * <p>Only for {@link SocketChannelEndPoint} ({@link #around}): under TLS the decrypting endpoint
 * can hold bytes the selector does not see, and its callbacks are its own. Everything else is the
 * wrapped endpoint's.
 */
final class IoThreadEndPoint implements EndPoint {

    private final EndPoint socket;
    private final SelectorStallWatch stalls;
    /** The last read left room in the buffer: the socket is empty. Touched only by the reading thread. */
    private boolean drained;
    /** Jetty registers the same read callback each time: its non-blocking twin is made once. */
    private Callback lastRead;
    private Callback lastNonBlocking;

    IoThreadEndPoint(EndPoint socket, SelectorStallWatch stalls) {
        this.socket = socket;
        this.stalls = stalls;
    }

    /** The endpoint Jetty's websocket connection should use: this wrapper for plain TCP, else {@code endPoint} itself. */
    static EndPoint around(EndPoint endPoint, SelectorStallWatch stalls) {
        return endPoint instanceof SocketChannelEndPoint ? new IoThreadEndPoint(endPoint, stalls) : endPoint;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        if (drained) {
            drained = false;
            return 0;
        }
        int filled = socket.fill(buffer);
        // Jetty's buffers are in flush mode here: the bytes read end at limit, the room is up to capacity
        drained = filled > 0 && buffer.limit() < buffer.capacity();
        return filled;
    }

    @Override
    public void fillInterested(Callback callback) {
        socket.fillInterested(nonBlocking(callback));
    }

    @Override
    public boolean tryFillInterested(Callback callback) {
        return socket.tryFillInterested(nonBlocking(callback));
    }

    /** Called by the one thread that is reading (Jetty serializes a connection's fill interest). */
    private Callback nonBlocking(Callback read) {
        if (read != lastRead) {
            lastNonBlocking = new NonBlockingRead(read, stalls);
            lastRead = read;
        }
        return lastNonBlocking;
    }

    /** The websocket connection's read callback, run by the selector itself. */
    private record NonBlockingRead(Callback read, SelectorStallWatch stalls) implements Callback {
        @Override
        public void succeeded() {
            stalls.succeeded(read);
        }

        @Override
        public void failed(Throwable cause) {
            read.failed(cause);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return socket.getRemoteSocketAddress();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public long getCreatedTimeStamp() {
        return socket.getCreatedTimeStamp();
    }

    @Override
    public void shutdownOutput() {
        socket.shutdownOutput();
    }

    @Override
    public boolean isOutputShutdown() {
        return socket.isOutputShutdown();
    }

    @Override
    public boolean isInputShutdown() {
        return socket.isInputShutdown();
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public void close(Throwable cause) {
        socket.close(cause);
    }

    @Override
    public SocketAddress receive(ByteBuffer buffer) throws IOException {
        return socket.receive(buffer);
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        return socket.flush(buffers);
    }

    @Override
    public boolean send(SocketAddress address, ByteBuffer... buffers) throws IOException {
        return socket.send(address, buffers);
    }

    @Override
    public Object getTransport() {
        return socket.getTransport();
    }

    @Override
    public long getIdleTimeout() {
        return socket.getIdleTimeout();
    }

    @Override
    public void setIdleTimeout(long idleTimeout) {
        socket.setIdleTimeout(idleTimeout);
    }

    @Override
    public boolean isFillInterested() {
        return socket.isFillInterested();
    }

    @Override
    public void write(Callback callback, ByteBuffer... buffers) {
        socket.write(callback, buffers);
    }

    @Override
    public void write(Callback callback, SocketAddress address, ByteBuffer... buffers) {
        socket.write(callback, address, buffers);
    }

    @Override
    public void write(boolean last, ByteBuffer buffer, Callback callback) {
        socket.write(last, buffer, callback);
    }

    @Override
    public Callback cancelWrite(Throwable cause) {
        return socket.cancelWrite(cause);
    }

    @Override
    public Connection getConnection() {
        return socket.getConnection();
    }

    @Override
    public void setConnection(Connection connection) {
        socket.setConnection(connection);
    }

    @Override
    public void onOpen() {
        socket.onOpen();
    }

    @Override
    public void onClose(Throwable cause) {
        socket.onClose(cause);
    }

    @Override
    public void upgrade(Connection connection) {
        socket.upgrade(connection);
    }

    @Override
    public SslSessionData getSslSessionData() {
        return socket.getSslSessionData();
    }

    @Override
    public boolean isSecure() {
        return socket.isSecure();
    }

    @Override
    public String toString() {
        return "IoThread:" + socket;
    }
}
