package dev.socketee.impl.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.json.JsonFallback;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binary that only the fallback (JSON-B for records) finds still makes a BINARY_EVENT / BINARY_ACK,
 * numbered after the attachments the writer found itself; CONNECT_ERROR never carries attachments.
 */
class SioPacketEncoderFallbackBinaryTest {

    record Thing(byte[] bytes) {
    }

    /** Writes a Thing as {"b":placeholder} when the packet collects attachments, as a number count otherwise. */
    private static final JsonFallback FALLBACK = new JsonFallback() {
        @Override
        public String toJson(Object value) {
            return "{\"n\":" + ((Thing) value).bytes().length + "}";
        }

        @Override
        public String toJson(Object value, List<byte[]> attachments) {
            if (attachments == null) {
                return toJson(value);
            }
            attachments.add(((Thing) value).bytes());
            return "{\"b\":{\"_placeholder\":true,\"num\":" + (attachments.size() - 1) + "}}";
        }
    };

    @Test
    void eventWithBinaryOnlyInsideARecord() {
        EncodedSioPacket p = SioPacketEncoder.event("/ns", "e", List.of(new Thing(new byte[] {1})), 12, FALLBACK);
        assertEquals("51-/ns,12[\"e\",{\"b\":{\"_placeholder\":true,\"num\":0}}]", p.text());
        assertEquals(1, p.attachments().size());
    }

    @Test
    void numberingContinuesAfterTheWritersOwnAttachments() {
        EncodedSioPacket p = SioPacketEncoder.ack("/", 3, List.of(new byte[] {0}, new Thing(new byte[] {1}), List.of(new byte[] {2})), FALLBACK);
        assertEquals("63-3[{\"_placeholder\":true,\"num\":0},{\"b\":{\"_placeholder\":true,\"num\":1}},[{\"_placeholder\":true,\"num\":2}]]",
                p.text());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, p.attachments().get(i)[0]);
        }
    }

    @Test
    void textPacketsStayText() {
        EncodedSioPacket p = SioPacketEncoder.event("/", "e", List.of("x", 1), -1, FALLBACK);
        assertEquals("2[\"e\",\"x\",1]", p.text());
        assertTrue(p.attachments().isEmpty());
    }

    @Test
    void connectErrorDataIsNeverBinary() {
        EncodedSioPacket p = SioPacketEncoder.connectError("/", "no", new Thing(new byte[] {1, 2}), FALLBACK);
        assertEquals("4{\"message\":\"no\",\"data\":{\"n\":2}}", p.text());
        assertTrue(p.attachments().isEmpty());
    }
}
