package dev.socketee.impl;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketee.impl.engine.EngineSessionFuzzTest;
import dev.socketee.impl.json.JsonRoundTripFuzzTest;
import dev.socketee.impl.protocol.engine.EnginePacketCodecFuzzTest;
import dev.socketee.impl.protocol.engine.PollingPayloadCodecFuzzTest;
import dev.socketee.impl.protocol.socket.SioPacketDecoderFuzzTest;

/**
 * Every fuzz target of the core behind one entry point, the one {@code mvn verify} fuzzes (the
 * "fuzz" surefire execution of impl). Jazzer fuzzes a single {@code @FuzzTest} per JVM, and
 * starting one JVM per target cost 8 to 15 s each on a loaded machine; here one byte of the
 * input picks the target and coverage feedback spreads the budget among them. Each target can
 * also be fuzzed on its own for longer (README, "Fuzzing").
 */
class CoreFuzzTest {

    @FuzzTest(maxDuration = "25s")
    void everyTarget(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 4)) {
            case 0 -> EnginePacketCodecFuzzTest.fuzz(data);
            case 1 -> PollingPayloadCodecFuzzTest.fuzz(data);
            case 2 -> SioPacketDecoderFuzzTest.fuzz(data);
            case 3 -> JsonRoundTripFuzzTest.fuzz(data);
            default -> EngineSessionFuzzTest.fuzz(data);
        }
    }
}
