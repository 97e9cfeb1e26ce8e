package dev.socketee.impl.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.protocol.ProtocolException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine.IO v4 packets on WebSocket frames (engine.io-protocol README, "Packet encoding"). */
class EnginePacketCodecTest {

    private static final String HANDSHAKE =
            "{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";

    // ---- packet types ---------------------------------------------------------------------

    @Test
    void typeCodesAreTheSpecDigits() {
        assertEquals('0', EnginePacketType.OPEN.code());
        assertEquals('1', EnginePacketType.CLOSE.code());
        assertEquals('2', EnginePacketType.PING.code());
        assertEquals('3', EnginePacketType.PONG.code());
        assertEquals('4', EnginePacketType.MESSAGE.code());
        assertEquals('5', EnginePacketType.UPGRADE.code());
        assertEquals('6', EnginePacketType.NOOP.code());
        assertEquals(7, EnginePacketType.values().length);
    }

    @ParameterizedTest
    @EnumSource(EnginePacketType.class)
    void fromCodeInvertsCode(EnginePacketType type) {
        assertSame(type, EnginePacketType.fromCode(type.code()));
    }

    @ParameterizedTest
    @ValueSource(chars = {'7', '8', '9', 'x', 'b', '/', ':', ' ', '-', '\0', '\u00e9', '\ud83d'})
    void fromCodeRejectsUnknownCodes(char c) {
        assertThrows(ProtocolException.class, () -> EnginePacketType.fromCode(c));
    }

    // ---- encoding -------------------------------------------------------------------------

    @Test
    void encodesEveryTypeWithoutData() {
        assertEquals("0", EnginePacketCodec.encodeText(EnginePacket.of(EnginePacketType.OPEN, "")));
        assertEquals("1", EnginePacketCodec.encodeText(EnginePacket.CLOSE));
        assertEquals("2", EnginePacketCodec.encodeText(EnginePacket.PING));
        assertEquals("3", EnginePacketCodec.encodeText(EnginePacket.PONG));
        assertEquals("4", EnginePacketCodec.encodeText(EnginePacket.message("")));
        assertEquals("5", EnginePacketCodec.encodeText(EnginePacket.UPGRADE));
        assertEquals("6", EnginePacketCodec.encodeText(EnginePacket.NOOP));
    }

    @Test
    void encodesEveryTypeWithData() {
        assertEquals("0" + HANDSHAKE, EnginePacketCodec.encodeText(EnginePacket.of(EnginePacketType.OPEN, HANDSHAKE)));
        assertEquals("1x", EnginePacketCodec.encodeText(EnginePacket.of(EnginePacketType.CLOSE, "x")));
        assertEquals("2probe", EnginePacketCodec.encodeText(EnginePacket.PING_PROBE));
        assertEquals("3probe", EnginePacketCodec.encodeText(EnginePacket.PONG_PROBE));
        assertEquals("4hello", EnginePacketCodec.encodeText(EnginePacket.message("hello")));
        assertEquals("5y", EnginePacketCodec.encodeText(EnginePacket.of(EnginePacketType.UPGRADE, "y")));
        assertEquals("6z", EnginePacketCodec.encodeText(EnginePacket.of(EnginePacketType.NOOP, "z")));
    }

    @Test
    void encodesSocketIoPayloadVerbatim() {
        assertEquals("42[\"hello\",1]", EnginePacketCodec.encodeText(EnginePacket.message("2[\"hello\",1]")));
        assertEquals("40{\"sid\":\"abc\"}", EnginePacketCodec.encodeText(EnginePacket.message("0{\"sid\":\"abc\"}")));
    }

    @Test
    void encodesUnicodeUnchanged() {
        String text = "h\u00e9llo \u4e16\u754c \ud83d\ude00 \ud834\udd1e \u0000 \u001e";
        assertEquals("4" + text, EnginePacketCodec.encodeText(EnginePacket.message(text)));
    }

    @Test
    void binaryPacketHasNoTextForm() {
        assertThrows(IllegalArgumentException.class, () -> EnginePacketCodec.encodeText(EnginePacket.binary(new byte[] {1})));
    }

    // ---- decoding -------------------------------------------------------------------------

    @Test
    void decodesConstantsToTheSharedInstances() {
        assertSame(EnginePacket.CLOSE, EnginePacketCodec.decodeText("1"));
        assertSame(EnginePacket.PING, EnginePacketCodec.decodeText("2"));
        assertSame(EnginePacket.PONG, EnginePacketCodec.decodeText("3"));
        assertSame(EnginePacket.UPGRADE, EnginePacketCodec.decodeText("5"));
        assertSame(EnginePacket.NOOP, EnginePacketCodec.decodeText("6"));
    }

    @Test
    void decodesEveryTypeWithoutData() {
        EnginePacket open = EnginePacketCodec.decodeText("0");
        assertEquals(EnginePacketType.OPEN, open.type());
        assertEquals("", open.text());
        EnginePacket message = EnginePacketCodec.decodeText("4");
        assertEquals(EnginePacketType.MESSAGE, message.type());
        assertEquals("", message.text());
        assertFalse(message.isBinary());
        assertNull(message.binary());
    }

    @Test
    void decodesEveryTypeWithData() {
        assertEquals(EnginePacket.of(EnginePacketType.OPEN, HANDSHAKE), EnginePacketCodec.decodeText("0" + HANDSHAKE));
        assertEquals(EnginePacket.of(EnginePacketType.CLOSE, "x"), EnginePacketCodec.decodeText("1x"));
        assertEquals(EnginePacket.PING_PROBE, EnginePacketCodec.decodeText("2probe"));
        assertEquals(EnginePacket.PONG_PROBE, EnginePacketCodec.decodeText("3probe"));
        assertEquals(EnginePacket.message("hello"), EnginePacketCodec.decodeText("4hello"));
        assertEquals(EnginePacket.of(EnginePacketType.UPGRADE, "y"), EnginePacketCodec.decodeText("5y"));
        assertEquals(EnginePacket.of(EnginePacketType.NOOP, "z"), EnginePacketCodec.decodeText("6z"));
    }

    @Test
    void decodesMessageDataVerbatim() {
        EnginePacket p = EnginePacketCodec.decodeText("42/admin,456[\"project:delete\",123]");
        assertEquals(EnginePacketType.MESSAGE, p.type());
        assertEquals("2/admin,456[\"project:delete\",123]", p.text());
        // a message may itself start with a digit or with 'b': only the first character is the type
        assertEquals("4b", EnginePacketCodec.decodeText("44b").text());
        assertEquals("bAQID", EnginePacketCodec.decodeText("4bAQID").text());
        assertEquals("  ", EnginePacketCodec.decodeText("4  ").text());
    }

    @Test
    void decodesUnicodeUnchanged() {
        String text = "h\u00e9llo \u4e16\u754c \ud83d\ude00 \ud834\udd1e \u0000 \u001e";
        EnginePacket p = EnginePacketCodec.decodeText("4" + text);
        assertEquals(text, p.text());
        assertEquals(0x1F600, p.text().codePointAt(p.text().indexOf('\ud83d')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "6", "2probe", "3probe", "4hello", "4\ud83d\ude00", "0{\"sid\":\"x\"}", "6 "})
    void textRoundTrip(String frame) {
        assertEquals(frame, EnginePacketCodec.encodeText(EnginePacketCodec.decodeText(frame)));
    }

    @Test
    void binaryFrameIsAMessageWithTheSameBytes() {
        byte[] frame = {1, 2, 3, 4, (byte) 0xff, 0};
        EnginePacket p = EnginePacketCodec.decodeBinary(frame);
        assertEquals(EnginePacketType.MESSAGE, p.type());
        assertTrue(p.isBinary());
        assertNull(p.text());
        assertSame(frame, p.binary());
        assertArrayEquals(new byte[] {1, 2, 3, 4, (byte) 0xff, 0}, p.binary());
    }

    @Test
    void emptyBinaryFrameIsAnEmptyBinaryMessage() {
        EnginePacket p = EnginePacketCodec.decodeBinary(new byte[0]);
        assertTrue(p.isBinary());
        assertEquals(0, p.binary().length);
    }

    // ---- malformed ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "8", "9", "7hello", "x", "xyz", "b", "bAQID", "/", ":", " 4hello", "-1", "\u0000", "\ud83d\ude00", "\u001e"})
    void rejectsMalformedFrames(String frame) {
        assertThrows(ProtocolException.class, () -> EnginePacketCodec.decodeText(frame));
    }

    @Test
    void rejectsNull() {
        assertThrows(ProtocolException.class, () -> EnginePacketCodec.decodeText(null));
    }

    @Test
    void randomFramesEitherDecodeOrThrowProtocolException() {
        Random random = new Random(42);
        String alphabet = "0123456789bx/, \u001e\ud83d\ude00";
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(6);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String frame = sb.toString();
            try {
                EnginePacket p = EnginePacketCodec.decodeText(frame);
                assertEquals(frame, EnginePacketCodec.encodeText(p), "round trip of " + frame);
            } catch (ProtocolException expected) {
                // fine
            }
        }
    }

    // ---- EnginePacket ---------------------------------------------------------------------

    @Test
    void packetValueSemantics() {
        assertEquals(EnginePacket.message("a"), EnginePacket.message("a"));
        assertEquals(EnginePacket.message("a").hashCode(), EnginePacket.message("a").hashCode());
        assertNotEquals(EnginePacket.message("a"), EnginePacket.message("b"));
        assertNotEquals(EnginePacket.message("a"), EnginePacket.of(EnginePacketType.NOOP, "a"));
        assertEquals(EnginePacket.binary(new byte[] {1, 2}), EnginePacket.binary(new byte[] {1, 2}));
        assertEquals(EnginePacket.binary(new byte[] {1, 2}).hashCode(), EnginePacket.binary(new byte[] {1, 2}).hashCode());
        assertNotEquals(EnginePacket.binary(new byte[] {1, 2}), EnginePacket.binary(new byte[] {1, 3}));
        assertNotEquals(EnginePacket.binary(new byte[0]), EnginePacket.message(""));
        assertEquals(EnginePacket.PING, EnginePacket.of(EnginePacketType.PING, null));
        assertEquals("", EnginePacket.of(EnginePacketType.PING, null).text());
        assertEquals("MESSAGE(hi)", EnginePacket.message("hi").toString());
        assertEquals("MESSAGE<3 bytes>", EnginePacket.binary(new byte[3]).toString());
    }

    @Test
    void packetFactoriesRejectNull() {
        assertThrows(NullPointerException.class, () -> EnginePacket.of(null, "x"));
        assertThrows(NullPointerException.class, () -> EnginePacket.message(null));
        assertThrows(NullPointerException.class, () -> EnginePacket.binary(null));
    }
}
