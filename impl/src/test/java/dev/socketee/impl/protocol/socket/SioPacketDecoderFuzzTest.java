package dev.socketee.impl.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketee.impl.json.JsonWriter;
import dev.socketee.impl.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Coverage-guided fuzz target for the Socket.IO decoder fed a sequence of text messages and
 * binary attachments, as one connection would: only {@link ProtocolException} escapes; a
 * decoded packet is one a client may send, with a namespace and no reserved event name; its
 * arguments write back to JSON (the attachments as placeholders) that decodes to the same packet.
 */
public class SioPacketDecoderFuzzTest {

    private static final Set<SioPacketType> CLIENT_TYPES = Set.of(SioPacketType.CONNECT, SioPacketType.DISCONNECT,
            SioPacketType.EVENT, SioPacketType.ACK, SioPacketType.BINARY_EVENT, SioPacketType.BINARY_ACK);

    @FuzzTest(maxDuration = "30s")
    void messageSequencesDecodeOrAreRefused(FuzzedDataProvider data) {
        fuzz(data);
    }

    /** One input; also called by {@code CoreFuzzTest}, which runs every target in one JVM. */
    public static void fuzz(FuzzedDataProvider data) {
        SioPacketDecoder decoder = new SioPacketDecoder(data.consumeInt(1, 4));
        for (int i = 0; i < 8 && data.remainingBytes() > 0; i++) {
            SioPacket packet;
            try {
                packet = data.consumeBoolean()
                        ? decoder.decodeText(data.consumeString(200))
                        : decoder.decodeBinary(data.consumeBytes(data.consumeInt(0, 16)));
            } catch (ProtocolException refused) {
                continue;
            }
            if (packet != null) {
                check(packet);
            }
        }
    }

    private static void check(SioPacket packet) {
        assertTrue(CLIENT_TYPES.contains(packet.type()), packet.type().toString());
        assertTrue(packet.namespace().startsWith("/"), packet.namespace());
        assertNotNull(packet.args());
        if (packet.type() == SioPacketType.EVENT || packet.type() == SioPacketType.BINARY_EVENT) {
            assertNotNull(packet.event());
            assertFalse(Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener")
                    .contains(packet.event()), packet.event());
        }
        if (packet.type() == SioPacketType.EVENT) {
            List<Object> all = new ArrayList<>();
            all.add(packet.event());
            all.addAll(packet.args());
            SioPacket again = new SioPacketDecoder(1).decodeText(
                    "2" + ("/".equals(packet.namespace()) ? "" : packet.namespace() + ",")
                    + (packet.ackId() >= 0 ? packet.ackId() : "") + JsonWriter.write(all));
            assertEquals(packet.event(), again.event());
            assertEquals(packet.args(), again.args());
            assertEquals(packet.ackId(), again.ackId());
        }
    }
}
