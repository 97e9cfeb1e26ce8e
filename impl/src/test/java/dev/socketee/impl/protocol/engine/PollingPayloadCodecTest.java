package dev.socketee.impl.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine.IO v4 HTTP long-polling payloads (engine.io-protocol README, "HTTP long-polling"). */
class PollingPayloadCodecTest {

    private static final String RS = "\u001e";
    private final PollingPayloadCodec codec = new PollingPayloadCodec(100);

    // ---- encoding -------------------------------------------------------------------------

    @Test
    void specExampleTextAndBinary() {
        // engine.io-protocol README: ["hello", <Buffer 01 02 03 04>] -> 4hello\x1ebAQIDBA==
        assertEquals("4hello" + RS + "bAQIDBA==",
                codec.encode(List.of(EnginePacket.message("hello"), EnginePacket.binary(new byte[] {1, 2, 3, 4}))));
    }

    @Test
    void encodesSinglePacketsOfEveryType() {
        assertEquals("0{\"sid\":\"x\"}", codec.encode(List.of(EnginePacket.of(EnginePacketType.OPEN, "{\"sid\":\"x\"}"))));
        assertEquals("1", codec.encode(List.of(EnginePacket.CLOSE)));
        assertEquals("2", codec.encode(List.of(EnginePacket.PING)));
        assertEquals("3", codec.encode(List.of(EnginePacket.PONG)));
        assertEquals("2probe", codec.encode(List.of(EnginePacket.PING_PROBE)));
        assertEquals("3probe", codec.encode(List.of(EnginePacket.PONG_PROBE)));
        assertEquals("4", codec.encode(List.of(EnginePacket.message(""))));
        assertEquals("4hello", codec.encode(List.of(EnginePacket.message("hello"))));
        assertEquals("5", codec.encode(List.of(EnginePacket.UPGRADE)));
        assertEquals("6", codec.encode(List.of(EnginePacket.NOOP)));
        assertEquals("b", codec.encode(List.of(EnginePacket.binary(new byte[0]))));
        assertEquals("bAQ==", codec.encode(List.of(EnginePacket.binary(new byte[] {1}))));
        assertEquals("bAQI=", codec.encode(List.of(EnginePacket.binary(new byte[] {1, 2}))));
        assertEquals("bAQID", codec.encode(List.of(EnginePacket.binary(new byte[] {1, 2, 3}))));
        assertEquals("b+/8=", codec.encode(List.of(EnginePacket.binary(new byte[] {(byte) 0xfb, (byte) 0xff}))));
    }

    @Test
    void encodesManyPacketsSeparatedByRecordSeparator() {
        List<EnginePacket> packets = List.of(
                EnginePacket.message("2[\"hello\",1]"),
                EnginePacket.PING,
                EnginePacket.message("51-[\"f\",{\"_placeholder\":true,\"num\":0}]"),
                EnginePacket.binary(new byte[] {1, 2, 3, 4}),
                EnginePacket.message("\u00e9\ud83d\ude00"),
                EnginePacket.NOOP);
        assertEquals("42[\"hello\",1]" + RS + "2" + RS + "451-[\"f\",{\"_placeholder\":true,\"num\":0}]" + RS + "bAQIDBA=="
                + RS + "4\u00e9\ud83d\ude00" + RS + "6", codec.encode(packets));
    }

    @Test
    void encodesEmptyListAsEmptyString() {
        assertEquals("", codec.encode(List.of()));
    }

    @Test
    void encodeAppendsToBuilder() {
        StringBuilder sb = new StringBuilder("pre:");
        codec.encode(List.of(EnginePacket.message("a"), EnginePacket.message("b")), sb);
        assertEquals("pre:4a" + RS + "4b", sb.toString());
        StringBuilder one = new StringBuilder();
        PollingPayloadCodec.encodePacket(EnginePacket.binary(new byte[] {1, 2, 3, 4}), one);
        PollingPayloadCodec.encodePacket(EnginePacket.PONG_PROBE, one);
        assertEquals("bAQIDBA==3probe", one.toString());
    }

    @Test
    void encodeIgnoresThePacketLimit() {
        PollingPayloadCodec small = new PollingPayloadCodec(1);
        assertEquals("2" + RS + "3", small.encode(List.of(EnginePacket.PING, EnginePacket.PONG)));
    }

    // ---- decoding -------------------------------------------------------------------------

    @Test
    void decodesSpecExample() {
        List<EnginePacket> packets = codec.decode("4hello" + RS + "bAQIDBA==");
        assertEquals(2, packets.size());
        assertEquals(EnginePacket.message("hello"), packets.get(0));
        assertTrue(packets.get(1).isBinary());
        assertEquals(EnginePacketType.MESSAGE, packets.get(1).type());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, packets.get(1).binary());
    }

    @Test
    void decodesSinglePackets() {
        assertEquals(List.of(EnginePacket.message("hello")), codec.decode("4hello"));
        assertEquals(List.of(EnginePacket.message("")), codec.decode("4"));
        assertSame(EnginePacket.PING, codec.decode("2").get(0));
        assertSame(EnginePacket.PONG, codec.decode("3").get(0));
        assertSame(EnginePacket.CLOSE, codec.decode("1").get(0));
        assertSame(EnginePacket.UPGRADE, codec.decode("5").get(0));
        assertSame(EnginePacket.NOOP, codec.decode("6").get(0));
        assertEquals(List.of(EnginePacket.PONG_PROBE), codec.decode("3probe"));
        assertEquals(List.of(EnginePacket.of(EnginePacketType.OPEN, "{}")), codec.decode("0{}"));
    }

    @Test
    void decodesEmptyBinary() {
        List<EnginePacket> packets = codec.decode("b");
        assertEquals(1, packets.size());
        assertTrue(packets.get(0).isBinary());
        assertEquals(0, packets.get(0).binary().length);
    }

    @Test
    void decodesBase64WithAndWithoutPadding() {
        assertArrayEquals(new byte[] {1}, codec.decode("bAQ==").get(0).binary());
        assertArrayEquals(new byte[] {1}, codec.decode("bAQ").get(0).binary());
        assertArrayEquals(new byte[] {1, 2}, codec.decode("bAQI=").get(0).binary());
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, codec.decode("b+/8=").get(0).binary());
    }

    @Test
    void decodesManyPacketsIncludingBinary() {
        String payload = "2" + RS + "3probe" + RS + "42[\"hello\",1]" + RS + "451-[\"f\",{\"_placeholder\":true,\"num\":0}]"
                + RS + "bAQIDBA==" + RS + "b" + RS + "4\ud83d\ude00\u00e9" + RS + "6" + RS + "1";
        List<EnginePacket> packets = codec.decode(payload);
        assertEquals(9, packets.size());
        assertSame(EnginePacket.PING, packets.get(0));
        assertEquals(EnginePacket.PONG_PROBE, packets.get(1));
        assertEquals(EnginePacket.message("2[\"hello\",1]"), packets.get(2));
        assertEquals(EnginePacket.message("51-[\"f\",{\"_placeholder\":true,\"num\":0}]"), packets.get(3));
        assertEquals(EnginePacket.binary(new byte[] {1, 2, 3, 4}), packets.get(4));
        assertEquals(EnginePacket.binary(new byte[0]), packets.get(5));
        assertEquals(EnginePacket.message("\ud83d\ude00\u00e9"), packets.get(6));
        assertSame(EnginePacket.NOOP, packets.get(7));
        assertSame(EnginePacket.CLOSE, packets.get(8));
    }

    @Test
    void roundTripsEveryByteValueAndUnicode() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        List<EnginePacket> packets = List.of(
                EnginePacket.binary(all),
                EnginePacket.message("\ud834\udd1e\ud83d\ude00 \u4e16\u754c \u0000 \"x\""),
                EnginePacket.of(EnginePacketType.OPEN, "{\"sid\":\"abc\"}"),
                EnginePacket.binary(new byte[] {0}),
                EnginePacket.message(""));
        assertEquals(packets, codec.decode(codec.encode(packets)));
    }

    @Test
    void randomRoundTrips() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            List<EnginePacket> packets = new ArrayList<>();
            int count = 1 + random.nextInt(10);
            for (int i = 0; i < count; i++) {
                if (random.nextBoolean()) {
                    byte[] b = new byte[random.nextInt(20)];
                    random.nextBytes(b);
                    packets.add(EnginePacket.binary(b));
                } else {
                    StringBuilder text = new StringBuilder();
                    int len = random.nextInt(10);
                    for (int k = 0; k < len; k++) {
                        int cp = random.nextInt(4) == 0 ? 0x1F300 + random.nextInt(500) : 0x20 + random.nextInt(0x300);
                        text.appendCodePoint(cp);
                    }
                    EnginePacketType type = EnginePacketType.values()[random.nextInt(7)];
                    packets.add(EnginePacket.of(type, text.toString()));
                }
            }
            assertEquals(packets, codec.decode(codec.encode(packets)));
        }
    }

    // ---- limits ---------------------------------------------------------------------------

    @Test
    void acceptsExactlyMaxPackets() {
        PollingPayloadCodec three = new PollingPayloadCodec(3);
        assertEquals(List.of(EnginePacket.message("a"), EnginePacket.message("b"), EnginePacket.message("c")),
                three.decode("4a" + RS + "4b" + RS + "4c"));
    }

    @Test
    void rejectsMoreThanMaxPackets() {
        PollingPayloadCodec three = new PollingPayloadCodec(3);
        assertThrows(ProtocolException.class, () -> three.decode("4a" + RS + "4b" + RS + "4c" + RS + "4d"));
        assertThrows(ProtocolException.class, () -> three.decode("2" + RS + "2" + RS + "2" + RS + "bAQ=="));
        PollingPayloadCodec one = new PollingPayloadCodec(1);
        assertEquals(1, one.decode("4a").size());
        assertThrows(ProtocolException.class, () -> one.decode("4a" + RS + "4b"));
    }

    @Test
    void bigPayloadAtTheLimit() {
        PollingPayloadCodec thousand = new PollingPayloadCodec(1000);
        String payload = String.join(RS, Collections.nCopies(1000, "42[\"e\"]"));
        assertEquals(1000, thousand.decode(payload).size());
        assertThrows(ProtocolException.class, () -> thousand.decode(payload + RS + "2"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void constructorRejectsNonPositiveLimit(int max) {
        assertThrows(IllegalArgumentException.class, () -> new PollingPayloadCodec(max));
    }

    // ---- malformed ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "", RS, RS + RS, "4a" + RS, RS + "4a", "4a" + RS + RS + "4b",
        "7", "8hello", "x", "4a" + RS + "x", "4a" + RS + "9", " 4a", "/",
        "b!!!", "bAQ=ID", "bA", "bAQIDBA===", "bAQ ID", "bAQ-_", "b====", "b%%", "4a" + RS + "b*",
        "b\ud83d\ude00"})
    void rejectsMalformedPayloads(String payload) {
        assertThrows(ProtocolException.class, () -> codec.decode(payload));
    }

    @Test
    void randomPayloadsEitherDecodeOrThrowProtocolException() {
        Random random = new Random(1234);
        String alphabet = "0123456789bAQI=+/x " + RS + "\ud83d";
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                codec.decode(sb.toString());
            } catch (ProtocolException expected) {
                // fine: every other exception type fails the test
            }
        }
    }

    @Test
    void base64WrappedIntoLinesIsAccepted() {
        // MIME-style encoders (io.socket:socket.io-client's) break base64 lines every 76 chars; node accepts them
        PollingPayloadCodec codec = new PollingPayloadCodec(10);
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        String mime = java.util.Base64.getMimeEncoder().encodeToString(data);
        org.junit.jupiter.api.Assertions.assertTrue(mime.contains("\r\n"));
        java.util.List<EnginePacket> packets = codec.decode("b" + mime + "\n" + RS + "4x");
        org.junit.jupiter.api.Assertions.assertArrayEquals(data, packets.get(0).binary());
        org.junit.jupiter.api.Assertions.assertEquals(EnginePacket.message("x"), packets.get(1));
    }
}
