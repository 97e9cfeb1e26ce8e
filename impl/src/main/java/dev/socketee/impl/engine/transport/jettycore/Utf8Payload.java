package dev.socketee.impl.engine.transport.jettycore;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A text frame's payload as a String, in one pass of the JDK's own decoder (intrinsic for ASCII)
 * instead of a byte-at-a-time builder; strict as RFC 6455 wants: only when the fast decoding
 * produced a replacement character is the payload checked again with a reporting decoder, so a
 * malformed sequence fails (close 1007) while a client's real U+FFFD passes.
 */
final class Utf8Payload {

    private Utf8Payload() {
    }

    /** Decodes the remaining bytes of {@code payload} (its position is left alone). */
    static String decode(ByteBuffer payload) throws CharacterCodingException {
        int n = payload.remaining();
        if (payload.hasArray()) {
            return decode(payload.array(), payload.arrayOffset() + payload.position(), n);
        }
        byte[] copy = new byte[n]; // a direct buffer: one bulk copy
        payload.get(payload.position(), copy);
        return decode(copy, 0, n);
    }

    static String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
        String s = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
        }
        return s;
    }
}
