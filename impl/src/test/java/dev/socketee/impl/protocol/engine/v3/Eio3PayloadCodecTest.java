package dev.socketee.impl.protocol.engine.v3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v3 polling payloads, with the vectors node's engine.io-parser v3 produces. */
class Eio3PayloadCodecTest {

    private final Eio3PayloadCodec codec = new Eio3PayloadCodec(5);

    @Test
    void textPayloadLengthsAreUtf16CodeUnitsAsJavaScriptCountsThem() {
        assertEquals("6:4hello", Eio3PayloadCodec.encodeText(List.of(EnginePacket.message("hello"))));
        assertEquals("2:4\u20ac", Eio3PayloadCodec.encodeText(List.of(EnginePacket.message("\u20ac"))), "one code unit, three UTF-8 bytes");
        assertEquals("3:4\ud83d\ude00", Eio3PayloadCodec.encodeText(List.of(EnginePacket.message("\ud83d\ude00"))), "a surrogate pair is two");
        assertEquals("1:22:40", Eio3PayloadCodec.encodeText(List.of(EnginePacket.PING, EnginePacket.message("0"))));
        assertEquals("0:", Eio3PayloadCodec.encodeText(List.of()));
    }

    @Test
    void binaryInATextPayloadIsBase64WithItsType() {
        assertEquals("6:b4AQID", Eio3PayloadCodec.encodeText(List.of(EnginePacket.binary(new byte[] {1, 2, 3}))));
    }

    @Test
    void binaryPayloadMarksEachPacketAndWritesItsByteLengthOneDigitPerByte() {
        byte[] body = Eio3PayloadCodec.encodeBinary(List.of(EnginePacket.message("hello\u20ac"), EnginePacket.binary(new byte[] {1, 2, 3})));
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        want.writeBytes(new byte[] {0, 9, (byte) 0xFF});
        want.writeBytes("4hello\u20ac".getBytes(StandardCharsets.UTF_8)); // 9 UTF-8 bytes
        want.writeBytes(new byte[] {1, 4, (byte) 0xFF, 4, 1, 2, 3});
        assertArrayEquals(want.toByteArray(), body);
    }

    @Test
    void multiDigitLengths() {
        byte[] body = Eio3PayloadCodec.encodeBinary(List.of(EnginePacket.binary(new byte[122])));
        assertArrayEquals(new byte[] {1, 1, 2, 3, (byte) 0xFF, 4}, java.util.Arrays.copyOf(body, 6));
        assertEquals(List.of(EnginePacket.binary(new byte[122])), codec.decodeBinary(body, body.length));
    }

    @Test
    void decodesTextPayloads() {
        assertEquals(List.of(EnginePacket.message("hello"), EnginePacket.PING, EnginePacket.message("\ud83d\ude00")),
                codec.decodeText("6:4hello1:23:4\ud83d\ude00"));
        assertEquals(List.of(EnginePacket.binary(new byte[] {1, 2, 3})), codec.decodeText("6:b4AQID"));
        assertEquals(List.of(EnginePacket.message("x")), codec.decodeText("0:2:4x"), "an empty packet is skipped, as node does");
    }

    @Test
    void decodesBinaryPayloadsRoundTrip() {
        List<EnginePacket> packets = List.of(EnginePacket.message("caf\u00e9 \ud83d\ude00"), EnginePacket.binary(new byte[] {9, 8}),
                EnginePacket.of(EnginePacketType.CLOSE, ""));
        byte[] body = Eio3PayloadCodec.encodeBinary(packets);
        assertEquals(List.of(packets.get(0), packets.get(1), EnginePacket.CLOSE), codec.decodeBinary(body, body.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4hello", "6:4hell", ":4", "x:4a", "12345678901:4", "2:4a1", "1:b", "3:b2x", "1:9"})
    void malformedTextPayloadsAreProtocolErrors(String payload) {
        assertThrows(ProtocolException.class, () -> codec.decodeText(payload));
    }

    @Test
    void malformedBinaryPayloadsAreProtocolErrors() {
        for (byte[] body : List.of(new byte[] {2, 1, (byte) 0xFF, 4}, new byte[] {0, 5, (byte) 0xFF, '4'},
                new byte[] {0, 1}, new byte[] {0, (byte) 0xFF}, new byte[] {1, 12, (byte) 0xFF, 4},
                new byte[] {1, 2, (byte) 0xFF, 2, 0}, new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, (byte) 0xFF})) {
            assertThrows(ProtocolException.class, () -> codec.decodeBinary(body, body.length), java.util.Arrays.toString(body));
        }
        assertThrows(ProtocolException.class, () -> codec.decodeBinary(new byte[0], 0));
    }

    @Test
    void packetsPerPayloadAreBounded() {
        assertThrows(ProtocolException.class, () -> codec.decodeText("1:61:61:61:61:61:6"));
        assertEquals(5, codec.decodeText("1:61:61:61:61:6").size());
    }
}
