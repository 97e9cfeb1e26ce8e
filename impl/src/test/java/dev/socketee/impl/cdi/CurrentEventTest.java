package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The current event is the innermost handler call's, and none after the outermost one ends. */
class CurrentEventTest {

    private static SocketEventImpl event(String name) {
        return new SocketEventImpl(null, name, List.of(), null, null, null, null, new ArgumentBinder());
    }

    @Test
    void nestedCallsRestoreTheOuterEventAndThenNone() {
        SocketEventImpl a = event("a");
        SocketEventImpl b = event("b");
        SocketEventImpl outer = CurrentEvent.enter(a);
        SocketEventImpl inner = CurrentEvent.enter(b);
        assertSame(b, CurrentEvent.required("Socket"));
        CurrentEvent.leave(inner);
        assertSame(a, CurrentEvent.required("Socket"));
        CurrentEvent.leave(outer);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> CurrentEvent.required("Socket"));
        assertTrue(none.getMessage().contains("No Socket.IO event on this thread"));
        assertEquals(null, outer);
    }
}
