package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox's queue exists only while packets wait; what the transport pulls is as before. */
class OutboxTest {

    private static final EnginePacket A = EnginePacket.message("a");
    private static final EnginePacket B = EnginePacket.message("b");
    private static final EnginePacket C = EnginePacket.message("c");

    @Test
    void aBusyTransportGetsWhatWaitedInOrderThenGoesIdle() {
        Outbox o = new Outbox(false);
        assertTrue(o.isEmpty());
        assertNull(o.takeIfIdle(), "busy: nothing is taken for it");
        o.add(A, Outbox.sizeOf(A));
        o.addAll(List.of(B, C), Outbox.sizeOf(List.of(B, C)));
        assertFalse(o.isEmpty());
        assertEquals(Outbox.sizeOf(List.of(A, B, C)), o.bytes());
        assertEquals(List.of(A, B, C), o.pull());
        assertEquals(Outbox.sizeOf(List.of(A, B, C)), o.bytes(), "in flight until the next pull");
        assertNull(o.pull());
        assertTrue(o.isIdle());
        assertEquals(0, o.bytes());
        o.add(A, Outbox.sizeOf(A)); // queued again after the queue was dropped
        assertEquals(List.of(A), o.takeIfIdle());
        assertNull(o.pull());
    }

    @Test
    void prependPutsTheCandidatesLeftoversFirst() {
        Outbox out = new Outbox(false);
        Outbox probe = new Outbox(true);
        out.prepend(probe);
        assertTrue(out.isEmpty(), "nothing on either side");
        probe.add(A, Outbox.sizeOf(A));
        out.add(B, Outbox.sizeOf(B));
        out.prepend(probe);
        assertTrue(out.isIdle(), "idle as the candidate was");
        assertEquals(List.of(A, B), out.takeIfIdle());
        Outbox fresh = new Outbox(false);
        Outbox leftovers = new Outbox(true);
        leftovers.add(C, Outbox.sizeOf(C));
        fresh.prepend(leftovers);
        assertEquals(List.of(C), fresh.takeIfIdle());
    }

    @Test
    void clearAndHandOverWithoutAQueue() {
        Outbox o = new Outbox(true);
        o.clear();
        assertTrue(o.isEmpty());
        assertEquals(List.of(A), o.handOver(A));
        assertFalse(o.isIdle());
        o.add(B, Outbox.sizeOf(B));
        o.clear();
        assertTrue(o.isEmpty());
        assertEquals(0, o.bytes());
    }
}
