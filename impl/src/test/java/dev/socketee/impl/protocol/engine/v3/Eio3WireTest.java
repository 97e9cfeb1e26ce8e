package dev.socketee.impl.protocol.engine.v3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.Eio4Wire;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EngineWire;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** v3 framing on both transports, next to v4's, for one and the same packet (as a broadcast shares it). */
class Eio3WireTest {

    private final EnginePacket bin = EnginePacket.binary(new byte[] {1, 2, 3});

    @Test
    void websocketBinaryFramesCarryTheTypeByteInV3AndNotInV4() {
        assertArrayEquals(new byte[] {4, 1, 2, 3}, Eio3Wire.BINARY.binaryFrame(bin));
        assertSame(bin.binary(), Eio4Wire.INSTANCE.binaryFrame(bin), "v4 writes the data itself");
        assertArrayEquals(new byte[] {1, 2, 3}, bin.binary(), "the shared data is left alone");
    }

    @Test
    void theV3FrameIsMadeOncePerPacketSoABroadcastSharesIt() {
        assertSame(Eio3Wire.BINARY.binaryFrame(bin), Eio3Wire.BINARY.binaryFrame(bin));
    }

    @Test
    void theBase64FrameIsMadeOncePerPacketToo() {
        assertSame(Eio3Wire.BASE64.textFrame(bin), Eio3Wire.BASE64.textFrame(bin));
        assertThrows(IllegalArgumentException.class, () -> EnginePacket.message("hi").base64Frame());
        assertThrows(IllegalArgumentException.class, () -> bin.textFrame(), "the cached base64 is no v4 text frame");
    }

    @Test
    void decodesV3BinaryFramesAndRefusesOtherTypes() {
        assertEquals(bin, Eio3Wire.BINARY.decodeBinaryFrame(new byte[] {4, 1, 2, 3}));
        assertThrows(ProtocolException.class, () -> Eio3Wire.BINARY.decodeBinaryFrame(new byte[] {2, 1}));
        assertThrows(ProtocolException.class, () -> Eio3Wire.BINARY.decodeBinaryFrame(new byte[0]));
    }

    @Test
    void aBase64ClientGetsBinaryAsTextOnTheWebsocket() {
        assertFalse(Eio3Wire.BASE64.binaryFrames());
        assertTrue(Eio3Wire.BINARY.binaryFrames());
        assertEquals("b4AQID", Eio3Wire.BASE64.textFrame(bin));
        assertEquals(bin, Eio3Wire.BASE64.decodeTextFrame("b4AQID"));
        assertEquals("4hi", Eio3Wire.BASE64.textFrame(EnginePacket.message("hi")));
    }

    @Test
    void pollingGoesBinaryOnlyForABinaryClientAndABatchWithBinary() {
        EngineWire.PollingBody text = Eio3Wire.BINARY.encodePayload(List.of(EnginePacket.message("hi")));
        assertEquals("text/plain; charset=UTF-8", text.contentType());
        assertEquals("3:4hi", new String(text.bytes(), StandardCharsets.UTF_8));
        EngineWire.PollingBody octets = Eio3Wire.BINARY.encodePayload(List.of(EnginePacket.message("hi"), bin));
        assertEquals("application/octet-stream", octets.contentType());
        assertArrayEquals(new byte[] {0, 3, (byte) 0xFF, '4', 'h', 'i', 1, 4, (byte) 0xFF, 4, 1, 2, 3}, octets.bytes());
        EngineWire.PollingBody b64 = Eio3Wire.BASE64.encodePayload(List.of(EnginePacket.message("hi"), bin));
        assertEquals("3:4hi6:b4AQID", new String(b64.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void pollingBodiesAreReadByTheirContentType() {
        byte[] octets = {1, 4, (byte) 0xFF, 4, 1, 2, 3};
        assertEquals(List.of(bin), Eio3Wire.BINARY.decodePayload(octets, octets.length, true));
        byte[] text = "6:b4AQID".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of(bin), Eio3Wire.BINARY.decodePayload(text, text.length, false));
    }
}
