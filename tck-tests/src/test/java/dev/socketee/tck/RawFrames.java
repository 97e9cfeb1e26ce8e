package dev.socketee.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The few bytes of HTTP/1.1 and RFC 6455 that tests on a bare socket write and read themselves
 * (a client that stops reading, a frame sent before the handshake's answer is read, a reset):
 * what no WebSocket client library lets a test do.
 */
public final class RawFrames {

    private RawFrames() {
    }

    /** The response head up to and with the empty line; a stream that ends before it fails with what came. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A client-to-server text frame (masked, as RFC 6455 requires), payload under 126 bytes. */
    public static byte[] maskedText(String text) {
        return masked(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A final client-to-server frame of {@code opcode} with a random mask, payload under 126 bytes. */
    public static byte[] masked(int opcode, byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return frame;
    }
}
