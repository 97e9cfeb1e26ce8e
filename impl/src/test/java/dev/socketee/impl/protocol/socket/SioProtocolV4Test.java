package dev.socketee.impl.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Socket.IO protocol v4's CONNECT, CONNECT reply and ERROR, as node's socket.io 4 writes them for EIO=3 clients. */
class SioProtocolV4Test {

    @Test
    void theConnectQueryIsTheAuth() {
        assertEquals(new SioProtocolV4.NamespaceAndAuth("/chat", Map.of("token", "a b", "x", "")),
                SioProtocolV4.parseConnect("/chat?token=a%20b&x"));
        assertEquals(new SioProtocolV4.NamespaceAndAuth("/chat", Map.of()), SioProtocolV4.parseConnect("/chat"));
        assertEquals("/chat", SioProtocolV4.namespaceOf("/chat?token=1"));
    }

    @Test
    void theConnectReplyHasNoPayload() {
        assertEquals(new EncodedSioPacket("0", List.of()), SioProtocolV4.connected("/"));
        assertEquals(new EncodedSioPacket("0/chat,", List.of()), SioProtocolV4.connected("/chat"));
    }

    @Test
    void aRefusalCarriesTheErrorsDataElseItsMessage() {
        assertEquals("4\"not allowed\"", SioProtocolV4.connectError("/", "not allowed", null).text());
        assertEquals("4/chat,{\"code\":7}", SioProtocolV4.connectError("/chat", "not allowed", Map.of("code", 7)).text());
    }
}
