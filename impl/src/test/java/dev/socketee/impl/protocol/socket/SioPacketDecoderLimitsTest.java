package dev.socketee.impl.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/**
 * A packet that would cost seconds of CPU is a malformed packet (the session closes with
 * "parse error"). Before the JSON limits, the binary packet below took 13.8 s to decode (its
 * tree is built with a BigInteger); the text one decoded in 9 ms but handed a typed handler a
 * number that JSON-B spent over 8 s on as BigDecimal, BigInteger, Number or Object.
 */
class SioPacketDecoderLimitsTest {

    private static final String MEGABYTE_INTEGER = "1".repeat(1_000_000);

    @Test
    void textEventWithAMegabyteIntegerIsMalformed() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new SioPacketDecoder(10).decodeText("2[\"e\"," + MEGABYTE_INTEGER + "]"));
        assertTrue(e.getMessage().startsWith("Bad JSON: Number longer than 4300"), e.getMessage());
    }

    @Test
    void textAckAndConnectWithAMegabyteIntegerAreMalformed() {
        assertThrows(ProtocolException.class, () -> new SioPacketDecoder(10).decodeText("37[" + MEGABYTE_INTEGER + "]"));
        assertThrows(ProtocolException.class, () -> new SioPacketDecoder(10).decodeText("0{\"n\":" + MEGABYTE_INTEGER + "}"));
    }

    @Test
    void binaryEventWithAMegabyteIntegerIsMalformed() {
        SioPacketDecoder decoder = new SioPacketDecoder(10);
        decoder.decodeText("51-[\"e\"," + MEGABYTE_INTEGER + ",{\"_placeholder\":true,\"num\":0}]");
        assertThrows(ProtocolException.class, () -> decoder.decodeBinary(new byte[1]));
        assertEquals(false, decoder.isReconstructing());
    }

    @Test
    void hugeExponentIsMalformed() {
        assertThrows(ProtocolException.class, () -> new SioPacketDecoder(10).decodeText("2[\"e\",1e999999999]"));
    }

    @Test
    void manyPlaceholdersForOneAttachmentAreReadOnce() {
        StringBuilder sb = new StringBuilder("51-[\"e\"");
        for (int i = 0; i < 30_000; i++) {
            sb.append(",{\"_placeholder\":true,\"num\":0}");
        }
        SioPacketDecoder decoder = new SioPacketDecoder(10);
        decoder.decodeText(sb.append(']').toString());
        SioPacket packet = decoder.decodeBinary(new byte[] {7});
        assertEquals(30_000, packet.args().size());
    }
}
