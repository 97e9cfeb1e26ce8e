package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The channel names node's redis adapter 8.3 (lib/index.ts, lib/sharded-adapter.ts) and emitter 5.1 build. */
class NamespaceChannelsTest {

    private final NamespaceChannels chat = new NamespaceChannels("socket.io", "/chat");

    @Test
    void namesAsNodesAdapterAndEmitter() {
        assertEquals("socket.io#/chat#", chat.broadcast());
        assertEquals("socket.io#/chat#r1#", chat.room("r1"));
        assertEquals("socket.io-request#/chat#", chat.request());
        assertEquals("socket.io-response#/chat#", chat.response());
        assertEquals("socket.io-response#/chat#Ab3dE6#", chat.response("Ab3dE6"));
        assertEquals("my-app#/#", new NamespaceChannels("my-app", "/").broadcast());
    }

    @Test
    void aBroadcastToExactlyOneRoomGoesOnThatRoomsChannel() {
        assertEquals("socket.io#/chat#", chat.broadcastTo(Set.of()));
        assertEquals("socket.io#/chat#r1#", chat.broadcastTo(Set.of("r1")));
        assertEquals("socket.io#/chat#", chat.broadcastTo(List.of("r1", "r2")));
    }

    @Test
    void theRoomAMessageWasSentTo() {
        assertEquals("", chat.roomOf("socket.io#/chat#"));
        assertEquals("r1", chat.roomOf("socket.io#/chat#r1#"));
        assertEquals("a#b", chat.roomOf("socket.io#/chat#a#b#"));
        assertNull(chat.roomOf("socket.io#/other#r1#"));
    }
}
