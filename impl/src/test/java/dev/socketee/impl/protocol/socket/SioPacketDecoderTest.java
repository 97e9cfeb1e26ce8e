package dev.socketee.impl.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.json.RawJson;
import dev.socketee.impl.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Socket.IO v5 packets as a client sends them (socket.io-protocol README; node's socket.io-parser Decoder). */
class SioPacketDecoderTest {

    private static final int MAX_ATTACHMENTS = 10;
    private static final String P0 = "{\"_placeholder\":true,\"num\":0}";
    private static final String P1 = "{\"_placeholder\":true,\"num\":1}";
    private static final String P2 = "{\"_placeholder\":true,\"num\":2}";

    private final SioPacketDecoder decoder = new SioPacketDecoder(MAX_ATTACHMENTS);

    private static List<Object> raw(String... json) {
        List<Object> list = new ArrayList<>();
        for (String j : json) {
            list.add(new RawJson(j));
        }
        return list;
    }

    private SioPacket text(String s) {
        SioPacket p = decoder.decodeText(s);
        assertFalse(decoder.isReconstructing());
        return p;
    }

    /** Feeds a binary packet's text and attachments; checks nothing comes out before the last one. */
    private SioPacket binary(String s, byte[]... attachments) {
        assertNull(decoder.decodeText(s));
        assertTrue(decoder.isReconstructing());
        for (int i = 0; i < attachments.length - 1; i++) {
            assertNull(decoder.decodeBinary(attachments[i]));
            assertTrue(decoder.isReconstructing());
        }
        SioPacket p = decoder.decodeBinary(attachments[attachments.length - 1]);
        assertFalse(decoder.isReconstructing());
        return p;
    }

    // ---- CONNECT --------------------------------------------------------------------------

    @Test
    void connectMainNamespace() {
        assertEquals(new SioPacket(SioPacketType.CONNECT, "/", -1, null, List.of(), null), text("0"));
    }

    @Test
    void connectCustomNamespace() {
        assertEquals(new SioPacket(SioPacketType.CONNECT, "/admin", -1, null, List.of(), null), text("0/admin,"));
        assertEquals(new SioPacket(SioPacketType.CONNECT, "/admin", -1, null, List.of(), null), text("0/admin"));
    }

    @Test
    void connectWithAuth() {
        assertEquals(new SioPacket(SioPacketType.CONNECT, "/", -1, null, List.of(), new RawJson("{\"token\":\"123\"}")),
                text("0{\"token\":\"123\"}"));
        assertEquals(new SioPacket(SioPacketType.CONNECT, "/admin", -1, null, List.of(), new RawJson("{\"token\":\"123\"}")),
                text("0/admin,{\"token\":\"123\"}"));
        assertEquals(new RawJson("{}"), text("0{}").data());
        assertEquals(new RawJson("{ \"a\" : [1, {\"b\":null}] }"), text("0 { \"a\" : [1, {\"b\":null}] } \n").data());
        assertEquals(new RawJson("{\"e\":\"\ud83d\ude00\\ud83d\\ude00\"}"), text("0{\"e\":\"\ud83d\ude00\\ud83d\\ude00\"}").data());
    }

    @Test
    void headerIsReadLikeNodesParser() {
        // node's socket.io-parser reads an ack id on any type and takes the namespace verbatim up to the first ','
        assertEquals(new SioPacket(SioPacketType.CONNECT, "/", 1, null, List.of(), null), text("01"));
        assertEquals("/admin ", text("2/admin ,[\"a\"]").namespace());
        assertEquals("/", text("2/,[\"a\"]").namespace());
        assertEquals("/a/b", text("2/a/b,[\"a\"]").namespace());
        assertEquals(SioPacket.NO_ACK, text("1/admin,12").ackId()); // DISCONNECT never carries an ack
    }

    // ---- DISCONNECT -----------------------------------------------------------------------

    @Test
    void disconnect() {
        assertEquals(new SioPacket(SioPacketType.DISCONNECT, "/", -1, null, List.of(), null), text("1"));
        assertEquals(new SioPacket(SioPacketType.DISCONNECT, "/admin", -1, null, List.of(), null), text("1/admin,"));
        assertEquals(new SioPacket(SioPacketType.DISCONNECT, "/admin", -1, null, List.of(), null), text("1/admin"));
    }

    // ---- EVENT ----------------------------------------------------------------------------

    @Test
    void eventMainNamespace() {
        SioPacket p = text("2[\"hello\",1]");
        assertEquals(new SioPacket(SioPacketType.EVENT, "/", -1, "hello", raw("1"), null), p);
        assertFalse(p.hasAck());
        assertEquals(new SioPacket(SioPacketType.EVENT, "/", -1, "hello", List.of(), null), text("2[\"hello\"]"));
    }

    @Test
    void eventWithNamespaceAndAck() {
        SioPacket p = text("2/admin,456[\"project:delete\",123]");
        assertEquals(new SioPacket(SioPacketType.EVENT, "/admin", 456, "project:delete", raw("123"), null), p);
        assertTrue(p.hasAck());
        assertEquals(new SioPacket(SioPacketType.EVENT, "/admin", -1, "project:delete", raw("123"), null),
                text("2/admin,[\"project:delete\",123]"));
        assertEquals(new SioPacket(SioPacketType.EVENT, "/", 12, "e", List.of(), null), text("212[\"e\"]"));
        assertEquals(new SioPacket(SioPacketType.EVENT, "/", 0, "e", List.of(), null), text("20[\"e\"]"));
        assertEquals(7, text("2007[\"e\"]").ackId());
    }

    @Test
    void largeAckIds() {
        assertEquals(999_999_999_999_999L, text("2999999999999999[\"e\"]").ackId());
        assertEquals(999_999_999_999_999L, text("3/a,999999999999999[]").ackId());
        assertEquals(2_147_483_648L, text("22147483648[\"e\"]").ackId());
    }

    @Test
    void argumentsAreVerbatimTrimmedJson() {
        SioPacket p = text("2[\"e\", {\"x\": [1, 2]} ,\"s\",null,true,-1.5e3,[]]");
        assertEquals(raw("{\"x\": [1, 2]}", "\"s\"", "null", "true", "-1.5e3", "[]"), p.args());
        assertEquals("e", text(" 2 [ \"e\" ] ".substring(1)).event());
    }

    @Test
    void eventNameIsUnescaped() {
        assertEquals("h\u00e9 \"q\" \ud83d\ude00", text("2[\"h\\u00e9 \\\"q\\\" \\ud83d\\ude00\"]").event());
        assertEquals("", text("2[\"\"]").event());
    }

    @Test
    void unicodeNamespaceEventAndArgs() {
        SioPacket p = text("2/\u00fc\u00f1\u00ef\ud83d\ude00,3[\"\ud83d\ude00\",\"\ud834\udd1e \u4e16\u754c\"]");
        assertEquals(new SioPacket(SioPacketType.EVENT, "/\u00fc\u00f1\u00ef\ud83d\ude00", 3, "\ud83d\ude00",
                raw("\"\ud834\udd1e \u4e16\u754c\""), null), p);
    }

    @Test
    void argumentListIsMutableCopy() {
        SioPacket p = text("2[\"e\",1,2]");
        p.args().remove(0);
        assertEquals(raw("2"), p.args());
    }

    // ---- ACK ------------------------------------------------------------------------------

    @Test
    void ack() {
        assertEquals(new SioPacket(SioPacketType.ACK, "/admin", 456, null, List.of(), null), text("3/admin,456[]"));
        assertEquals(new SioPacket(SioPacketType.ACK, "/", 1, null, raw("\"ok\"", "{\"a\":1}"), null), text("31[\"ok\",{\"a\":1}]"));
        assertEquals(new SioPacket(SioPacketType.ACK, "/", 0, null, raw("null"), null), text("30[null]"));
    }

    // ---- BINARY_EVENT / BINARY_ACK --------------------------------------------------------

    @Test
    void binaryEventSpecExample() {
        byte[] buf = {1, 2, 3};
        SioPacket p = binary("51-[\"hello\"," + P0 + "]", buf);
        assertEquals(SioPacketType.BINARY_EVENT, p.type());
        assertEquals("/", p.namespace());
        assertEquals(-1, p.ackId());
        assertEquals("hello", p.event());
        assertEquals(1, p.args().size());
        assertSame(buf, p.args().get(0));
        assertNull(p.data());
    }

    @Test
    void binaryEventWithNamespaceAckAndTwoAttachments() {
        byte[] a = {1};
        byte[] b = {2};
        SioPacket p = binary("52-/admin,456[\"upload\"," + P0 + ",\"x\"," + P1 + ",7]", a, b);
        assertEquals(SioPacketType.BINARY_EVENT, p.type());
        assertEquals("/admin", p.namespace());
        assertEquals(456, p.ackId());
        assertEquals("upload", p.event());
        assertEquals(4, p.args().size());
        assertSame(a, p.args().get(0));
        assertEquals("x", p.args().get(1));
        assertSame(b, p.args().get(2));
        assertEquals(7, p.args().get(3));
    }

    @Test
    void binaryEventNestedPlaceholders() {
        byte[] a = {10};
        byte[] b = {20, 21};
        byte[] c = {};
        SioPacket p = binary("53-[\"nested\",{\"file\":" + P1 + ",\"meta\":[" + P0 + ",\"x\",{\"deep\":[[" + P2
                + "]]}],\"n\":1.5,\"t\":true,\"z\":null}]", a, b, c);
        assertEquals("nested", p.event());
        Map<?, ?> m = assertInstanceOf(Map.class, p.args().get(0));
        assertEquals(List.of("file", "meta", "n", "t", "z"), new ArrayList<>(m.keySet()));
        assertSame(b, m.get("file"));
        List<?> meta = assertInstanceOf(List.class, m.get("meta"));
        assertSame(a, meta.get(0));
        assertEquals("x", meta.get(1));
        Map<?, ?> deep = assertInstanceOf(Map.class, meta.get(2));
        assertSame(c, ((List<?>) ((List<?>) deep.get("deep")).get(0)).get(0));
        assertEquals(1.5, m.get("n"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertTrue(m.containsKey("z"));
        assertNull(m.get("z"));
    }

    @Test
    void placeholderMayBeReferencedTwice() {
        byte[] a = {1};
        SioPacket p = binary("51-[\"e\"," + P0 + "," + P0 + "]", a);
        assertSame(a, p.args().get(0));
        assertSame(a, p.args().get(1));
    }

    @Test
    void placeholderKeysInAnyOrder() {
        byte[] a = {1};
        assertSame(a, binary("51-[\"e\",{\"num\":0,\"_placeholder\":true}]", a).args().get(0));
    }

    @Test
    void objectsThatAreNotPlaceholdersStayMaps() {
        byte[] a = {1};
        SioPacket p = binary("51-[\"e\"," + P0 + ",{\"_placeholder\":false,\"num\":0},{\"num\":0}]", a);
        Map<String, Object> notPlaceholder = new LinkedHashMap<>();
        notPlaceholder.put("_placeholder", false);
        notPlaceholder.put("num", 0);
        assertEquals(notPlaceholder, p.args().get(1));
        assertEquals(Map.of("num", 0), p.args().get(2));
    }

    @Test
    void binaryEventWithUnicode() {
        byte[] a = {1};
        SioPacket p = binary("51-/\u00e9\ud83d\ude00,9[\"\ud83d\ude00\",\"\\ud834\\udd1e\"," + P0 + "]", a);
        assertEquals("/\u00e9\ud83d\ude00", p.namespace());
        assertEquals(9, p.ackId());
        assertEquals("\ud83d\ude00", p.event());
        assertEquals("\ud834\udd1e", p.args().get(0));
        assertSame(a, p.args().get(1));
    }

    @Test
    void binaryAck() {
        byte[] a = {9};
        SioPacket p = binary("61-/admin,456[" + P0 + "]", a);
        assertEquals(SioPacketType.BINARY_ACK, p.type());
        assertEquals("/admin", p.namespace());
        assertEquals(456, p.ackId());
        assertNull(p.event());
        assertEquals(1, p.args().size());
        assertSame(a, p.args().get(0));
        SioPacket q = binary("62-3[\"ok\",[" + P1 + "," + P0 + "]]", new byte[] {1}, new byte[] {2});
        assertEquals(3, q.ackId());
        assertEquals("ok", q.args().get(0));
        List<?> pair = (List<?>) q.args().get(1);
        assertArrayEquals(new byte[] {2}, (byte[]) pair.get(0));
        assertArrayEquals(new byte[] {1}, (byte[]) pair.get(1));
    }

    @Test
    void maxAttachmentsIsAccepted() {
        StringBuilder s = new StringBuilder("510-[\"many\"");
        byte[][] attachments = new byte[MAX_ATTACHMENTS][];
        for (int i = 0; i < MAX_ATTACHMENTS; i++) {
            s.append(",{\"_placeholder\":true,\"num\":").append(i).append('}');
            attachments[i] = new byte[] {(byte) i};
        }
        SioPacket p = binary(s.append(']').toString(), attachments);
        assertEquals(MAX_ATTACHMENTS, p.args().size());
        for (int i = 0; i < MAX_ATTACHMENTS; i++) {
            assertSame(attachments[i], p.args().get(i));
        }
    }

    // ---- decoder state --------------------------------------------------------------------

    @Test
    void freshDecoderIsNotReconstructing() {
        assertFalse(decoder.isReconstructing());
    }

    @Test
    void decoderIsReusableAfterBinaryPacket() {
        byte[] a = {1};
        assertSame(a, binary("51-[\"first\"," + P0 + "]", a).args().get(0));
        assertEquals("text", text("2[\"text\"]").event());
        byte[] b = {2};
        byte[] c = {3};
        SioPacket second = binary("62-/x,5[" + P0 + "," + P1 + "]", b, c);
        assertSame(b, second.args().get(0));
        assertSame(c, second.args().get(1));
        assertEquals("again", text("2[\"again\"]").event());
        assertSame(a, binary("51-[\"third\"," + P0 + "]", a).args().get(0));
    }

    @Test
    void textWhileAwaitingAttachmentsIsRejected() {
        assertNull(decoder.decodeText("52-[\"e\"," + P0 + "," + P1 + "]"));
        assertThrows(ProtocolException.class, () -> decoder.decodeText("2[\"e\"]"));
        assertNull(decoder.decodeBinary(new byte[] {1}));
        assertThrows(ProtocolException.class, () -> decoder.decodeText("2[\"e\"]"));
        assertThrows(ProtocolException.class, () -> decoder.decodeText("51-[\"e\"," + P0 + "]"));
    }

    @Test
    void binaryWithoutPendingPacketIsRejected() {
        assertThrows(ProtocolException.class, () -> decoder.decodeBinary(new byte[] {1}));
        text("2[\"e\"]");
        assertThrows(ProtocolException.class, () -> decoder.decodeBinary(new byte[] {1}));
        binary("51-[\"e\"," + P0 + "]", new byte[] {1});
        assertThrows(ProtocolException.class, () -> decoder.decodeBinary(new byte[] {1}));
    }

    @Test
    void decoderIsResetAfterBadReconstruction() {
        assertNull(decoder.decodeText("51-[\"e\",{\"_placeholder\":true,\"num\":5}]"));
        assertThrows(ProtocolException.class, () -> decoder.decodeBinary(new byte[] {1}));
        assertFalse(decoder.isReconstructing());
        assertEquals("ok", text("2[\"ok\"]").event());
    }

    // ---- malformed text packets -----------------------------------------------------------

    static Stream<String> malformedText() {
        return Stream.of(
                // empty, unknown types
                "", "7", "8", "9", "7[\"e\"]", "x", "x[\"e\"]", " ", " 2[\"e\"]", "/", "-", "[\"e\"]",
                // EVENT without array, without event name, bad JSON
                "2", "2/admin,", "2/admin", "2/admin[\"e\"]", "212", "2 ", "2[]", "2/admin,1[]", "2[1]", "2[1.5]", "2[null]",
                "2[true]", "2[{}]", "2[[\"a\"]]", "2\"hello\"", "2{\"a\":1}", "21", "2null",
                "2[\"a\",]", "2[", "2{\"a\"}", "2[\"a\"", "2[\"a\"]]", "2[\"a\"]x", "2[\"a\"][\"b\"]", "2[\"a\" \"b\"]",
                "2['a']", "2[\"a\\x\"]", "2[\"a\",undefined]", "2[\"a\",NaN]", "2[\"a\",01]", "2[\"\ud83d\ude00\",]",
                "2[\"a\n\"]", "2\u00a0[\"a\"]", "2 12[\"a\"]",
                "2" + "[".repeat(100) + "]".repeat(100), "2[\"a\"," + "[".repeat(100) + "]".repeat(100) + "]",
                "2[\"a\"," + "{\"a\":".repeat(70) + "1" + "}".repeat(70) + "]",
                // ack id too long for a JS number
                "21234567890123456[\"e\"]", "2" + "9".repeat(1000) + "[\"e\"]", "3" + "1".repeat(16) + "[]",
                // reserved event names (node's parser rejects them)
                "2[\"connect\"]", "2[\"connect_error\"]", "2[\"disconnect\"]", "2/admin,[\"disconnecting\"]",
                "21[\"newListener\"]", "2[\"removeListener\",1]", "2[\"dis\\u0063onnect\"]",
                // CONNECT with non-object payload
                "0\"x\"", "0[1]", "0[]", "0 1", "0/admin,1\"x\"", "0null", "0true", "0{\"a\":1}x", "0{\"a\":1}{}", "0{\"a\"}", "0{", "0{\"a\":}",
                "0/admin,\"x\"", "0/admin,[{}]", "0/admin,{\"token\":}", "0{'a':1}",
                // DISCONNECT with data (node's parser: payload must be undefined)
                "1{}", "1/admin,{\"a\":1}", "1[\"x\"]", "1\"x\"", "1/admin,x",
                // ACK without id or without array
                "3", "3[]", "3/admin,[]", "3/admin,", "3[\"ok\"]", "31", "3/admin,456", "31{\"a\":1}", "31\"ok\"",
                "31[", "31[1,]",
                // server-only types
                "4{\"message\":\"Not authorized\"}", "4/admin,{\"message\":\"Not authorized\"}", "4\"error\"", "4",
                "4/admin,",
                // binary packets with broken headers
                "5", "6", "5-[\"e\"]", "6-[]", "5[\"e\"]", "6[]", "51", "51[\"e\"]", "5a-[\"e\"]", "5 1-[\"e\"]", "51 -[\"e\"]",
                "5/admin,1-[\"e\"]", "6-1-[]", "5+1-[\"e\"]",
                // attachment count 0, over the max, absurd
                "50-[\"e\"]", "60-1[]", "500-[\"e\"]", "511-[\"e\"]", "699-1[]", "51234567-[\"e\"]", "5" + "9".repeat(30) + "-[\"e\"]");
    }

    @ParameterizedTest
    @MethodSource("malformedText")
    void rejectsMalformedText(String packet) {
        assertThrows(ProtocolException.class, () -> decoder.decodeText(packet));
        assertFalse(decoder.isReconstructing());
    }

    // ---- malformed binary packets (detected when the last attachment arrives) --------------

    static Stream<Arguments> malformedBinary() {
        return Stream.of(
                // bad JSON / not an array
                Arguments.of("51-", 1), Arguments.of("51-[\"a\",]", 1), Arguments.of("51-[", 1), Arguments.of("51-{\"a\"}", 1),
                Arguments.of("51-{\"a\":" + P0 + "}", 1), Arguments.of("51-\"e\"", 1), Arguments.of("51-[\"e\"," + P0 + "]x", 1),
                Arguments.of("51-[\"e\"," + "[".repeat(100) + "]".repeat(100) + "]", 1),
                // no event name
                Arguments.of("51-[]", 1), Arguments.of("51-[" + P0 + "]", 1), Arguments.of("51-[1," + P0 + "]", 1),
                Arguments.of("51-[null]", 1), Arguments.of("51-[[\"e\"]," + P0 + "]", 1),
                // reserved event name
                Arguments.of("51-[\"disconnect\"," + P0 + "]", 1), Arguments.of("51-/admin,[\"connect\"," + P0 + "]", 1),
                // BINARY_ACK without id
                Arguments.of("61-[" + P0 + "]", 1), Arguments.of("61-/admin,[" + P0 + "]", 1), Arguments.of("61-5{}", 1),
                // placeholder num out of range or not an int
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":1}]", 1),
                Arguments.of("52-[\"e\",{\"_placeholder\":true,\"num\":2}]", 2),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":-1}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":\"0\"}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":0.5}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":0.0}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":null}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":[0]}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":4294967296}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":99999999999999999999999}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"x\":0}]", 1),
                Arguments.of("51-[\"e\",{\"_placeholder\":true,\"num\":7,\"extra\":1}]", 1),
                Arguments.of("61-3[{\"deep\":[{\"_placeholder\":true,\"num\":3}]}]", 1));
    }

    @ParameterizedTest
    @MethodSource("malformedBinary")
    void rejectsMalformedBinaryPackets(String packet, int attachments) {
        assertNull(decoder.decodeText(packet));
        for (int i = 0; i < attachments - 1; i++) {
            assertNull(decoder.decodeBinary(new byte[] {(byte) i}));
        }
        assertThrows(ProtocolException.class, () -> decoder.decodeBinary(new byte[] {9}));
        assertFalse(decoder.isReconstructing());
    }

    @Test
    void placeholderWithExtraKeysIsStillAPlaceholder() {
        byte[] a = {1};
        // node's reconstructPacket replaces any object whose _placeholder is true
        assertSame(a, binary("51-[\"e\",{\"_placeholder\":true,\"num\":0,\"extra\":1}]", a).args().get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void attachmentCountOverTheConfiguredMax(int max) {
        SioPacketDecoder small = new SioPacketDecoder(max);
        String ok = "5" + max + "-[\"e\"]";
        String over = "5" + (max + 1) + "-[\"e\"]";
        if (max > 0) {
            assertNull(small.decodeText(ok));
        } else {
            assertThrows(ProtocolException.class, () -> small.decodeText(ok));
        }
        assertThrows(ProtocolException.class, () -> new SioPacketDecoder(max).decodeText(over));
    }

    // ---- robustness -----------------------------------------------------------------------

    @Test
    void truncationsAndMutationsOfValidPacketsOnlyThrowProtocolException() {
        List<String> valid = List.of(
                "0", "0/admin,{\"token\":\"123\"}", "1/admin,", "2[\"hello\",1]", "2/admin,456[\"project:delete\",123]",
                "3/admin,456[]", "31[\"ok\",{\"a\":[1,2,{\"b\":null}]}]",
                "51-[\"hello\"," + P0 + "]", "62-/admin,456[" + P0 + ",{\"x\":" + P1 + "}]", "2[\"\ud83d\ude00\",\"\\u00e9\"]");
        String alphabet = "0123456789-/,[]{}\":_ \\anu\ud83d";
        Random random = new Random(99);
        for (String v : valid) {
            for (int cut = 0; cut <= v.length(); cut++) {
                feed(v.substring(0, cut));
                feed(v.substring(cut));
                for (int k = 0; k < 5; k++) {
                    char c = alphabet.charAt(random.nextInt(alphabet.length()));
                    feed(v.substring(0, cut) + c + v.substring(cut));
                    if (cut < v.length()) {
                        feed(v.substring(0, cut) + c + v.substring(cut + 1));
                    }
                }
            }
        }
    }

    @Test
    void randomInputsOnlyThrowProtocolException() {
        String alphabet = "0123456789-/,[]{}\":_ \\tnulerm.eE+";
        Random random = new Random(2024);
        for (int n = 0; n < 30000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(16);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            feed(sb.toString());
        }
    }

    /** Decodes {@code s} with a fresh decoder, feeding attachments if needed; only ProtocolException may escape. */
    private static void feed(String s) {
        SioPacketDecoder d = new SioPacketDecoder(3);
        try {
            SioPacket p = d.decodeText(s);
            for (int i = 0; p == null && i < 3; i++) {
                p = d.decodeBinary(new byte[] {(byte) i});
            }
            if (p != null) {
                assertTrue(p.type() != SioPacketType.CONNECT_ERROR, s);
                assertTrue(!p.type().textual().equals(SioPacketType.ACK) || p.hasAck(), s);
                assertTrue(!p.type().textual().equals(SioPacketType.EVENT) || p.event() != null, s);
            }
        } catch (ProtocolException expected) {
            // fine: every other exception type fails the test
        }
    }

    @Test
    void sioPacketHasAck() {
        assertFalse(new SioPacket(SioPacketType.EVENT, "/", SioPacket.NO_ACK, "e", List.of(), null).hasAck());
        assertTrue(new SioPacket(SioPacketType.EVENT, "/", 0, "e", List.of(), null).hasAck());
        assertEquals(Arrays.asList(1, 2), new ArrayList<>(List.of(1, 2)));
    }

    @Test
    void eventArgumentsAreTheElementsAfterTheNameInAListOfTheirOwn() {
        SioPacket p = text("2/chat,12[\"e\", {\"a\":1} ,[2],\"s\"]");
        assertEquals(12, p.ackId());
        assertEquals(List.of(new RawJson("{\"a\":1}"), new RawJson("[2]"), new RawJson("\"s\"")), p.args());
        p.args().add("mine"); // the handler side may keep and change it
        assertEquals(4, p.args().size());
        assertEquals(List.of(), text("2[\"e\"]").args());
    }

    @Test
    void ackArgumentsAreAllElements() {
        SioPacket p = text("30[1,\"x\"]");
        assertEquals(List.of(new RawJson("1"), new RawJson("\"x\"")), p.args());
        assertEquals(List.of(), text("31[]").args());
    }
}
