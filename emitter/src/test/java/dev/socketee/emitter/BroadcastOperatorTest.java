package dev.socketee.emitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's contract apart from the bytes: immutable, checked up front, closed means closed. */
class BroadcastOperatorTest {

    private final RecordingPublisher redis = new RecordingPublisher();
    private final SocketIoEmitter emitter = new SocketIoEmitter(redis, EmitterOptions.defaults());

    @Test
    void eachCallReturnsANewOperatorAndLeavesTheOldOneAsItWas() {
        BroadcastOperator room = emitter.to("a");
        BroadcastOperator narrower = room.except("b").asVolatile();
        room.emit("e");
        assertEquals("socket.io#/#a#", redis.single().channel());
        narrower.emit("e");
        assertTrue(redis.single().hex().endsWith("a5666c61677381a8766f6c6174696c65c3a665786365707491a162"),
                "volatile and except b on the narrower one only");
        assertEquals("BroadcastOperator[nsp=/, rooms=[a], except=[b], flags={volatile=true}]", narrower.toString());
    }

    @Test
    void namespacesGetTheirSlash() {
        assertEquals("/chat", emitter.of("chat").name());
        assertEquals("/chat", emitter.of("/chat").name());
        assertEquals("/", emitter.of("").name());
    }

    @Test
    void reservedEventNamesAreRefusedAsInNode() {
        for (String reserved : new String[] {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> emitter.emit(reserved));
            assertEquals("\"" + reserved + "\" is a reserved event name", e.getMessage());
        }
        assertTrue(redis.published.isEmpty());
    }

    @Test
    void aBadArgumentPublishesNothing() {
        assertThrows(IllegalArgumentException.class, () -> emitter.to("a").emit("e", 1, new Object()));
        assertThrows(IllegalArgumentException.class, () -> emitter.serverSideEmit("e", Map.of("k", Thread.currentThread())));
        assertThrows(NullPointerException.class, () -> emitter.to("a", null));
        assertThrows(NullPointerException.class, () -> emitter.emit(null));
        assertTrue(redis.published.isEmpty());
    }

    @Test
    void anArgumentAsDeepAsValuesAllowsFitsTheWiresBound() {
        Object deepest = "leaf";
        for (int i = 0; i < Values.MAX_DEPTH; i++) {
            deepest = List.of(deepest);
        }
        emitter.emit("deep", deepest); // the encoder's bound (WireLimits.MAX_DEPTH) counts the message around it
        emitter.serverSideEmit("deep", deepest);
        assertEquals(2, redis.published.size());
        Object tooDeep = List.of(deepest);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> emitter.emit("deep", tooDeep));
        assertTrue(e.getMessage().startsWith("cannot encode args[0]"), e.getMessage());
        assertEquals(2, redis.published.size());
    }

    @Test
    void aClosedEmitterRefuses() {
        emitter.close();
        assertThrows(IllegalStateException.class, () -> emitter.emit("e"));
        assertThrows(IllegalStateException.class, () -> emitter.of("/x").socketsJoin("r"));
    }
}
