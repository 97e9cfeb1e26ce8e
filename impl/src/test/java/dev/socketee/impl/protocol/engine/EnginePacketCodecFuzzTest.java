package dev.socketee.impl.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketee.impl.protocol.ProtocolException;

/**
 * Coverage-guided fuzz target for WebSocket frames (text and binary): decoding only ever throws
 * {@link ProtocolException}, and what decodes encodes back to the same frame.
 */
public class EnginePacketCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void framesDecodeOrAreRefused(FuzzedDataProvider data) {
        fuzz(data);
    }

    /** One input; also called by {@code CoreFuzzTest}, which runs every target in one JVM. */
    public static void fuzz(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            byte[] frame = data.consumeRemainingAsBytes();
            EnginePacket packet = EnginePacketCodec.decodeBinary(frame);
            assertArrayEquals(frame, packet.binary());
            return;
        }
        String frame = data.consumeRemainingAsString();
        EnginePacket packet;
        try {
            packet = EnginePacketCodec.decodeText(frame);
        } catch (ProtocolException refused) {
            return;
        }
        assertEquals(frame, EnginePacketCodec.encodeText(packet));
        assertEquals(packet, EnginePacketCodec.decodeText(EnginePacketCodec.encodeText(packet)));
    }
}
