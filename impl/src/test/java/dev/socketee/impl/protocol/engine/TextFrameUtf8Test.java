package dev.socketee.impl.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.socketee.impl.protocol.engine.v3.Eio3Wire;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A packet's text frame in UTF-8 is made once and shared, by both revisions (v3 base64 frames too). */
class TextFrameUtf8Test {

    @Test
    void theBytesAreTheTextFrameAndMadeOnce() {
        EnginePacket p = EnginePacket.message("héllo €");
        byte[] b = Eio4Wire.INSTANCE.textFrameUtf8(p);
        assertArrayEquals("4héllo €".getBytes(StandardCharsets.UTF_8), b);
        assertSame(b, Eio4Wire.INSTANCE.textFrameUtf8(p));
        assertSame(b, Eio3Wire.BASE64.textFrameUtf8(p), "v3 text packets share them");
    }

    @Test
    void v3Base64FramesAreTheirTextInUtf8() {
        EnginePacket p = EnginePacket.binary(new byte[] {1, 2, 3});
        Eio3Wire wire = Eio3Wire.BASE64;
        assertArrayEquals(wire.textFrame(p).getBytes(StandardCharsets.UTF_8), wire.textFrameUtf8(p));
        assertSame(wire.textFrameUtf8(p), wire.textFrameUtf8(p), "made once, as the base64 text");
    }
}
