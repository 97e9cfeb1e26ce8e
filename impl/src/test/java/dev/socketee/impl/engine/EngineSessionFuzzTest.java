package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzz target for the Engine.IO session state machine: any sequence of client
 * frames and payloads, GETs and send completions, probes and upgrades, transport closes,
 * server sends and closes and time passing (see {@link EngineSessionHarness}). No exception may
 * escape, the listener's close comes exactly once with one of node's reasons, the session
 * leaves the server, and nothing is sent after the close, on a closed or discarded transport,
 * or to a transport still writing its previous batch (on polling: without a GET).
 */
public class EngineSessionFuzzTest {

    /** Frames that mean something to the session; the fuzzer also makes up its own. */
    private static final String[] FRAMES = {"2probe", "3probe", "5", "1", "2", "3", "4hello", "6", "0", "4",
        "2\u001e3", "4a\u001e4b", "bAQID", "3\u001e1", "2probe\u001e5"};

    @FuzzTest(maxDuration = "30s")
    void sessionSurvivesAnyEventSequence(FuzzedDataProvider data) {
        fuzz(data);
    }

    /** One input; also called by {@code CoreFuzzTest}, which runs every target in one JVM. */
    public static void fuzz(FuzzedDataProvider data) {
        try (EngineSessionHarness h = EngineSessionHarness.open(data.consumeBoolean(), data.consumeInt(8, 400), data.consumeBoolean())) {
            for (int i = 0; i < 40 && data.remainingBytes() > 0; i++) {
                int transport = data.consumeInt(0, 3);
                switch (data.consumeInt(0, 10)) {
                    case 0 -> h.writable(transport);
                    case 1 -> h.clientText(transport, data.consumeBoolean() ? data.pickValue(FRAMES) : data.consumeString(12));
                    case 2 -> h.clientBinary(transport, data.consumeBytes(4));
                    case 3 -> h.connectWebSocket();
                    case 4 -> h.transportClosed(transport, data.consumeBoolean());
                    case 5 -> h.serverSends("m" + i);
                    case 6 -> h.serverSendsBinary(new byte[] {(byte) i});
                    case 7 -> h.serverCloses();
                    case 8 -> h.timePasses(data.consumeInt(0, 600));
                    case 9 -> h.timePasses(EngineSessionHarness.UPGRADE_TIMEOUT.toMillis());
                    default -> h.writable(0);
                }
            }
            List<String> broken = h.finish();
            assertEquals(List.of(), broken);
        }
    }
}
