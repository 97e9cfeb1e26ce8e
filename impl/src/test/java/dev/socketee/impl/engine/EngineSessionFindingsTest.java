package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code EngineSessionFuzzTest} found in the session before the send rework, reduced to
 * the shortest sequences: a client PING was answered on its transport outside the buffer, so
 * a PONG went out after the session had closed, and a PONG used a parked GET that the session
 * still took as free (issue 10 items 3 and 15). They assert only the session's invariants; the
 * session now closes on a client PING, as node's v4 does.
 */
class EngineSessionFindingsTest {

    private static final int POLLING = 0;

    @Test
    void nothingIsSentAfterTheClientsClosePacket() {
        try (EngineSessionHarness h = EngineSessionHarness.open(false, 10_000, false)) {
            h.writable(POLLING); // the handshake's GET carries the open packet
            h.writable(POLLING); // the next GET is parked
            h.clientText(POLLING, "1\u001e2x"); // close, then a ping, in one POST
            assertEquals(List.of(), h.finish());
        }
    }

    @Test
    void aParkedGetCarriesOneBatch() {
        try (EngineSessionHarness h = EngineSessionHarness.open(false, 10_000, false)) {
            h.writable(POLLING);
            h.writable(POLLING); // parked
            h.clientText(POLLING, "2"); // a v3-style client ping
            h.serverSends("after the ping");
            assertEquals(List.of(), h.finish());
        }
    }
}
