package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * What {@code EngineSessionFuzzTest} found in the session, reduced to the shortest sequences.
 * Both come from answering a client PING on its transport outside the buffer (issue 10 items 3
 * and 15); they assert only the session's invariants, so they hold however the fix answers
 * the PING (node v4 closes the session). Disabled until helper "send" changes that path.
 */
class EngineSessionFindingsTest {

    private static final int POLLING = 0;

    @Test
    @Disabled("until the send merge: a client PING after a close packet is answered on the closed session")
    void nothingIsSentAfterTheClientsClosePacket() {
        try (EngineSessionHarness h = EngineSessionHarness.open(false, 10).checkingPingAnswers()) {
            h.writable(POLLING); // the handshake's GET carries the open packet
            h.writable(POLLING); // the next GET is parked
            h.clientText(POLLING, "1\u001e2x"); // close, then a ping, in one POST
            assertEquals(List.of(), h.finish());
        }
    }

    @Test
    @Disabled("until the send merge: the PONG uses the parked GET, the next batch is sent on it again")
    void aParkedGetCarriesOneBatch() {
        try (EngineSessionHarness h = EngineSessionHarness.open(false, 10).checkingPingAnswers()) {
            h.writable(POLLING);
            h.writable(POLLING); // parked
            h.clientText(POLLING, "2"); // a v3-style client ping
            h.serverSends("after the ping");
            assertEquals(List.of(), h.finish());
        }
    }
}
