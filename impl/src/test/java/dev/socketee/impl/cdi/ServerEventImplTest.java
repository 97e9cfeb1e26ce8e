package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerEventImplTest {

    @Test
    void onlyTheFirstAckIsSentAndArgumentsBind() {
        List<Object> sent = new ArrayList<>();
        ServerEventImpl e = new ServerEventImpl("ping", "/", List.of(Map.of("n", 3), "x"), sent::add, new ArgumentBinder());
        assertEquals(3, e.arg(0, Map.class).get("n"));
        assertEquals("x", e.arg(1, String.class));
        e.ack("first");
        e.ack("second");
        assertEquals(List.of("first"), sent);
    }

    @Test
    void withoutAWaitingSenderAckIsANoOp() {
        ServerEventImpl e = new ServerEventImpl("ping", "/", List.of(), null, new ArgumentBinder());
        assertFalse(e.wantsAck());
        e.ack("ignored");
    }
}
