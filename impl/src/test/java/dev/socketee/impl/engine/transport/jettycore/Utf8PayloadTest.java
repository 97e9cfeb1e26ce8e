package dev.socketee.impl.engine.transport.jettycore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8PayloadTest {

    @Test
    void decodesHeapAndDirectBuffersFromTheirPosition() throws Exception {
        byte[] text = "xx4héllo € \uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        ByteBuffer heap = ByteBuffer.wrap(text);
        heap.position(2);
        assertEquals("4héllo € \uD83D\uDE00", Utf8Payload.decode(heap));
        assertEquals(2, heap.position(), "position left alone");
        ByteBuffer direct = ByteBuffer.allocateDirect(text.length).put(text).flip().position(2);
        assertEquals("4héllo € \uD83D\uDE00", Utf8Payload.decode(direct.slice()));
    }

    @Test
    void aRealReplacementCharacterPasses() throws Exception {
        assertEquals("4\uFFFD", Utf8Payload.decode(ByteBuffer.wrap("4\uFFFD".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void malformedUtf8Fails() {
        assertThrows(CharacterCodingException.class, () -> Utf8Payload.decode(ByteBuffer.wrap(new byte[] {'4', (byte) 0xC3})));
        assertThrows(CharacterCodingException.class, () -> Utf8Payload.decode(ByteBuffer.wrap(new byte[] {'4', (byte) 0xFF, 'a'})));
        // an encoded surrogate (CESU-8 style) is not UTF-8
        assertThrows(CharacterCodingException.class,
                () -> Utf8Payload.decode(ByteBuffer.wrap(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
    }

    @Test
    void emptyIsEmpty() throws Exception {
        assertEquals("", Utf8Payload.decode(ByteBuffer.allocate(0)));
    }
}
