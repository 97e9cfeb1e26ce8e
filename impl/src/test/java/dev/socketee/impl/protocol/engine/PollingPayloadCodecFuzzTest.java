package dev.socketee.impl.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketee.impl.protocol.ProtocolException;
import java.util.List;

/**
 * Coverage-guided fuzz target for polling payloads: decoding only ever throws
 * {@link ProtocolException}, never returns more than the packet limit, and what decodes
 * survives an encode and a second decode unchanged.
 */
public class PollingPayloadCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void payloadsDecodeOrAreRefused(FuzzedDataProvider data) {
        fuzz(data);
    }

    /** One input; also called by {@code CoreFuzzTest}, which runs every target in one JVM. */
    public static void fuzz(FuzzedDataProvider data) {
        int maxPackets = data.consumeInt(1, 20);
        PollingPayloadCodec codec = new PollingPayloadCodec(maxPackets);
        String payload = data.consumeRemainingAsString();
        List<EnginePacket> packets;
        try {
            packets = codec.decode(payload);
        } catch (ProtocolException refused) {
            return;
        }
        assertTrue(packets.size() >= 1 && packets.size() <= maxPackets, "packet count " + packets.size());
        assertEquals(packets, codec.decode(codec.encode(packets)));
    }
}
