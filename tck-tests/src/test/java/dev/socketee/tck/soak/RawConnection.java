package dev.socketee.tck.soak;

import dev.socketee.tck.RawFrames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One TCP connection speaking just enough HTTP/1.1 and RFC 6455 to open and drop sessions the
 * ways a client can: read to the end, leave a request unanswered, close cleanly, or reset
 * (RST, through SO_LINGER 0), which no HTTP or WebSocket client library offers.
 */
final class RawConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static RawConnection open(String host, int port) throws IOException {
        return new RawConnection(host, port);
    }

    // ---- HTTP --------------------------------------------------------------------------------

    /** Sends a GET that asks the server to close the connection after its answer. */
    RawConnection sendGet(String host, int port, String pathAndQuery) throws IOException {
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** The whole answer of a {@code Connection: close} request, headers included. */
    String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Whether the server stays silent for {@code millis}: a GET it parks until it has something to send. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false; // an answer, or the end of the stream
        } catch (SocketTimeoutException parked) {
            return true;
        } finally {
            socket.setSoTimeout(TIMEOUT_MILLIS);
        }
    }

    // ---- WebSocket ---------------------------------------------------------------------------

    /** The opening handshake; returns the status line. */
    String upgrade(String host, int port, String pathAndQuery) throws IOException {
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String head = RawFrames.readHead(in);
        return head.substring(0, Math.max(0, head.indexOf("\r\n")));
    }


    void sendText(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with status 1000. */
    void sendClose() throws IOException {
        sendFrame(0x8, new byte[] {0x03, (byte) 0xE8});
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        out.write(RawFrames.masked(opcode, payload));
        out.flush();
    }

    /** The next text frame's content, or null when the server closed (close frame or end of stream). */
    String nextText() throws IOException {
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return null;
            }
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            int opcode = b0 & 0x0F;
            if (opcode == 0x8) {
                return null;
            }
            if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    // ---- ending ------------------------------------------------------------------------------

    /** Drops the connection with a TCP reset instead of a FIN. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing below anyway
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
