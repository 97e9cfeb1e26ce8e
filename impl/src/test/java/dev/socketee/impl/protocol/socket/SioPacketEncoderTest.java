package dev.socketee.impl.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.json.RawJson;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Socket.IO v5 packets as the server writes them (socket.io-protocol README, "Packet format"). */
class SioPacketEncoderTest {

    private static final String P0 = "{\"_placeholder\":true,\"num\":0}";
    private static final String P1 = "{\"_placeholder\":true,\"num\":1}";
    private static final String P2 = "{\"_placeholder\":true,\"num\":2}";
    private static final String P3 = "{\"_placeholder\":true,\"num\":3}";

    private static void assertText(String expected, EncodedSioPacket packet) {
        assertEquals(expected, packet.text());
        assertFalse(packet.hasAttachments());
        assertEquals(List.of(), packet.attachments());
    }

    // ---- types ----------------------------------------------------------------------------

    @Test
    void typeCodesAndConversions() {
        assertEquals('0', SioPacketType.CONNECT.code());
        assertEquals('1', SioPacketType.DISCONNECT.code());
        assertEquals('2', SioPacketType.EVENT.code());
        assertEquals('3', SioPacketType.ACK.code());
        assertEquals('4', SioPacketType.CONNECT_ERROR.code());
        assertEquals('5', SioPacketType.BINARY_EVENT.code());
        assertEquals('6', SioPacketType.BINARY_ACK.code());
        for (SioPacketType t : SioPacketType.values()) {
            assertSame(t, SioPacketType.fromCode(t.code()));
        }
        assertSame(SioPacketType.BINARY_EVENT, SioPacketType.EVENT.binary());
        assertSame(SioPacketType.BINARY_ACK, SioPacketType.ACK.binary());
        assertSame(SioPacketType.BINARY_EVENT, SioPacketType.BINARY_EVENT.binary());
        assertSame(SioPacketType.EVENT, SioPacketType.BINARY_EVENT.textual());
        assertSame(SioPacketType.ACK, SioPacketType.BINARY_ACK.textual());
        assertSame(SioPacketType.CONNECT, SioPacketType.CONNECT.textual());
        assertTrue(SioPacketType.BINARY_EVENT.isBinary());
        assertTrue(SioPacketType.BINARY_ACK.isBinary());
        assertFalse(SioPacketType.EVENT.isBinary());
        assertThrows(IllegalArgumentException.class, SioPacketType.CONNECT::binary);
        assertThrows(IllegalArgumentException.class, SioPacketType.CONNECT_ERROR::binary);
        assertThrows(IllegalArgumentException.class, SioPacketType.DISCONNECT::binary);
    }

    // ---- CONNECT / CONNECT_ERROR / DISCONNECT -----------------------------------------------

    @Test
    void connected() {
        assertText("0{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}", SioPacketEncoder.connected("/", "oSO0OpakMV_3jnilAAAA"));
        assertText("0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}", SioPacketEncoder.connected("/admin", "oSO0OpakMV_3jnilAAAA"));
    }

    @Test
    void connectError() {
        assertText("4{\"message\":\"Not authorized\"}", SioPacketEncoder.connectError("/", "Not authorized", null));
        assertText("4/admin,{\"message\":\"Not authorized\"}", SioPacketEncoder.connectError("/admin", "Not authorized", null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", "expired");
        data.put("retry", 5);
        assertText("4/admin,{\"message\":\"Not authorized\",\"data\":{\"reason\":\"expired\",\"retry\":5}}",
                SioPacketEncoder.connectError("/admin", "Not authorized", data));
        assertText("4{\"message\":\"x\",\"data\":\"y\"}", SioPacketEncoder.connectError("/", "x", "y"));
        assertText("4{\"message\":\"Invalid namespace\"}", SioPacketEncoder.connectError("/", "Invalid namespace", null));
    }

    @Test
    void connectErrorEscapesMessage() {
        assertText("4{\"message\":\"\\\"quoted\\\"\\n\u00e9\ud83d\ude00\"}",
                SioPacketEncoder.connectError("/", "\"quoted\"\n\u00e9\ud83d\ude00", null));
    }

    @Test
    void connectErrorCannotCarryBinary() {
        assertThrows(IllegalArgumentException.class, () -> SioPacketEncoder.connectError("/", "x", new byte[] {1}));
    }

    @Test
    void disconnect() {
        assertText("1", SioPacketEncoder.disconnect("/"));
        assertText("1/admin,", SioPacketEncoder.disconnect("/admin"));
    }

    // ---- EVENT ----------------------------------------------------------------------------

    @Test
    void eventInMainNamespace() {
        assertText("2[\"hello\",1]", SioPacketEncoder.event("/", "hello", List.of(1), SioPacket.NO_ACK));
        assertText("2[\"hello\"]", SioPacketEncoder.event("/", "hello", List.of(), SioPacket.NO_ACK));
        assertText("2[\"hello\",\"world\",true,null,1.5,[1,2],{\"a\":\"b\"}]", SioPacketEncoder.event("/", "hello",
                Arrays.asList("world", true, null, 1.5, List.of(1, 2), Map.of("a", "b")), SioPacket.NO_ACK));
    }

    @Test
    void eventWithNamespaceAndAck() {
        assertText("2/admin,456[\"project:delete\",123]", SioPacketEncoder.event("/admin", "project:delete", List.of(123), 456));
        assertText("2/admin,[\"project:delete\",123]",
                SioPacketEncoder.event("/admin", "project:delete", List.of(123), SioPacket.NO_ACK));
        assertText("212[\"hello\"]", SioPacketEncoder.event("/", "hello", List.of(), 12));
        assertText("20[\"hello\"]", SioPacketEncoder.event("/", "hello", List.of(), 0));
    }

    @Test
    void largeAckIds() {
        assertText("2999999999999999[\"e\"]", SioPacketEncoder.event("/", "e", List.of(), 999_999_999_999_999L));
        assertText("2/a,9007199254740991[\"e\"]", SioPacketEncoder.event("/a", "e", List.of(), 9_007_199_254_740_991L));
        assertText("2" + Long.MAX_VALUE + "[\"e\"]", SioPacketEncoder.event("/", "e", List.of(), Long.MAX_VALUE));
        assertText("3" + Integer.MAX_VALUE + "[]", SioPacketEncoder.ack("/", Integer.MAX_VALUE, List.of()));
    }

    @Test
    void unicodeStaysLiteral() {
        // like JSON.stringify: non-ASCII and non-BMP characters are not escaped
        assertText("2/\u00fc\u00f1\u00ef,[\"\ud83d\ude00\",\"h\u00e9llo \u4e16\u754c \ud834\udd1e\"]",
                SioPacketEncoder.event("/\u00fc\u00f1\u00ef", "\ud83d\ude00", List.of("h\u00e9llo \u4e16\u754c \ud834\udd1e"), -1));
    }

    @Test
    void rawJsonArgumentsAreWrittenVerbatim() {
        assertText("2[\"fwd\",{\"x\": [1, 2]},\"s\"]",
                SioPacketEncoder.event("/", "fwd", List.of(new RawJson("{\"x\": [1, 2]}"), new RawJson("\"s\"")), -1));
    }

    // ---- ACK ------------------------------------------------------------------------------

    @Test
    void ack() {
        assertText("3/admin,456[]", SioPacketEncoder.ack("/admin", 456, List.of()));
        assertText("31[\"ok\",{\"n\":2}]", SioPacketEncoder.ack("/", 1, List.of("ok", Map.of("n", 2))));
        assertText("30[null]", SioPacketEncoder.ack("/", 0, Arrays.asList((Object) null)));
    }

    // ---- binary ---------------------------------------------------------------------------

    @Test
    void binaryEventSpecExample() {
        byte[] buf = {1, 2, 3};
        EncodedSioPacket p = SioPacketEncoder.event("/", "hello", List.of(buf), SioPacket.NO_ACK);
        assertEquals("51-[\"hello\"," + P0 + "]", p.text());
        assertTrue(p.hasAttachments());
        assertEquals(1, p.attachments().size());
        assertSame(buf, p.attachments().get(0));
    }

    @Test
    void binaryEventWithNamespaceAndAck() {
        byte[] a = {1};
        byte[] b = {2};
        EncodedSioPacket p = SioPacketEncoder.event("/admin", "upload", List.of(a, "x", b), 456);
        assertEquals("52-/admin,456[\"upload\"," + P0 + ",\"x\"," + P1 + "]", p.text());
        assertEquals(2, p.attachments().size());
        assertSame(a, p.attachments().get(0));
        assertSame(b, p.attachments().get(1));
    }

    @Test
    void binaryAck() {
        byte[] a = {9, 8};
        EncodedSioPacket p = SioPacketEncoder.ack("/admin", 456, List.of(a));
        assertEquals("61-/admin,456[" + P0 + "]", p.text());
        assertSame(a, p.attachments().get(0));
        EncodedSioPacket q = SioPacketEncoder.ack("/", 3, List.of("ok", List.of(a, a)));
        assertEquals("62-3[\"ok\",[" + P0 + "," + P1 + "]]", q.text());
        assertEquals(2, q.attachments().size());
    }

    @Test
    void binaryInNestedMapsAndListsIsNumberedDepthFirst() {
        byte[] b0 = {0};
        byte[] b1 = {1, 1};
        byte[] b2 = {2, 2, 2};
        byte[] b3 = {};
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("deep", b2);
        inner.put("n", 7);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("a", b0);
        outer.put("list", Arrays.asList(1, b1, inner, null));
        outer.put("s", "t");
        EncodedSioPacket p = SioPacketEncoder.event("/", "nested", List.of(outer, b3), SioPacket.NO_ACK);
        assertEquals("54-[\"nested\",{\"a\":" + P0 + ",\"list\":[1," + P1 + ",{\"deep\":" + P2 + ",\"n\":7},null],\"s\":\"t\"}," + P3 + "]",
                p.text());
        assertEquals(4, p.attachments().size());
        assertSame(b0, p.attachments().get(0));
        assertSame(b1, p.attachments().get(1));
        assertSame(b2, p.attachments().get(2));
        assertSame(b3, p.attachments().get(3));
    }

    @Test
    void byteBufferContributesItsRemainingBytesWithoutMovingPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5});
        buffer.position(2).limit(5);
        EncodedSioPacket p = SioPacketEncoder.event("/", "buf", List.of(Map.of("data", buffer)), SioPacket.NO_ACK);
        assertEquals("51-[\"buf\",{\"data\":" + P0 + "}]", p.text());
        assertArrayEquals(new byte[] {2, 3, 4}, p.attachments().get(0));
        assertEquals(2, buffer.position());
        assertEquals(5, buffer.limit());
        EncodedSioPacket direct = SioPacketEncoder.ack("/", 1, List.of(ByteBuffer.allocateDirect(2).put((byte) 7).put((byte) 8).flip()));
        assertEquals("61-1[" + P0 + "]", direct.text());
        assertArrayEquals(new byte[] {7, 8}, direct.attachments().get(0));
    }

    @Test
    void sameArrayTwiceIsTwoAttachments() {
        byte[] a = {5};
        EncodedSioPacket p = SioPacketEncoder.event("/", "twice", List.of(a, a), SioPacket.NO_ACK);
        assertEquals("52-[\"twice\"," + P0 + "," + P1 + "]", p.text());
        assertEquals(2, p.attachments().size());
    }

    @Test
    void binaryInsideObjectArray() {
        byte[] a = {5};
        EncodedSioPacket p = SioPacketEncoder.event("/", "arr", java.util.Collections.singletonList(new Object[] {"x", a}), SioPacket.NO_ACK);
        assertEquals("51-[\"arr\",[\"x\"," + P0 + "]]", p.text());
        assertSame(a, p.attachments().get(0));
    }

    @Test
    void attachmentListIsImmutable() {
        EncodedSioPacket p = SioPacketEncoder.event("/", "e", List.of(new byte[] {1}), SioPacket.NO_ACK);
        assertThrows(UnsupportedOperationException.class, () -> p.attachments().add(new byte[0]));
    }

    @Test
    void manyAttachmentsCountWithSeveralDigits() {
        List<Object> args = new ArrayList<>();
        StringBuilder expected = new StringBuilder("512-[\"many\"");
        for (int i = 0; i < 12; i++) {
            args.add(new byte[] {(byte) i});
            expected.append(",{\"_placeholder\":true,\"num\":").append(i).append('}');
        }
        expected.append(']');
        EncodedSioPacket p = SioPacketEncoder.event("/", "many", args, SioPacket.NO_ACK);
        assertEquals(expected.toString(), p.text());
        assertEquals(12, p.attachments().size());
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(new byte[] {(byte) i}, p.attachments().get(i));
        }
    }

    // ---- encoder -> decoder ---------------------------------------------------------------

    @Test
    void textEventRoundTrip() {
        EncodedSioPacket e = SioPacketEncoder.event("/chat", "m\u00e9ssage \ud83d\ude00", List.of(1, "two", Map.of("k", List.of())), 77);
        SioPacket p = new SioPacketDecoder(10).decodeText(e.text());
        assertEquals(new SioPacket(SioPacketType.EVENT, "/chat", 77, "m\u00e9ssage \ud83d\ude00",
                List.of(new RawJson("1"), new RawJson("\"two\""), new RawJson("{\"k\":[]}")), null), p);
    }

    @Test
    void binaryEventRoundTrip() {
        byte[] a = {1, 2};
        byte[] b = {3};
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", b);
        m.put("name", "f.bin");
        EncodedSioPacket e = SioPacketEncoder.event("/up", "upload", List.of(a, m), 5);
        SioPacketDecoder decoder = new SioPacketDecoder(10);
        SioPacket p = decoder.decodeText(e.text());
        assertEquals(null, p);
        for (int i = 0; i < e.attachments().size(); i++) {
            p = decoder.decodeBinary(e.attachments().get(i));
        }
        assertEquals(SioPacketType.BINARY_EVENT, p.type());
        assertEquals("/up", p.namespace());
        assertEquals(5, p.ackId());
        assertEquals("upload", p.event());
        assertSame(a, p.args().get(0));
        Map<?, ?> back = (Map<?, ?>) p.args().get(1);
        assertSame(b, back.get("file"));
        assertEquals("f.bin", back.get("name"));
    }
}
