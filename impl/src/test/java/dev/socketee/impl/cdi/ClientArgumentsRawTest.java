package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketDecoder;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a handler gets from {@code e.args()} for a text packet, and what an ack of it writes: the
 * client's own text for arguments nobody changed, the values for those the handler changed.
 */
class ClientArgumentsRawTest {

    private static final ArgumentBinder BINDER = new ArgumentBinder();

    private static ClientArguments received(String packet) {
        SioPacket p = new SioPacketDecoder(10).decodeText(packet);
        return new ClientArguments(p.args(), BINDER);
    }

    private static String ack(List<Object> args) {
        return SioPacketEncoder.ack("/", 7, args, BINDER.fallback()).text();
    }

    @Test
    void anUnchangedObjectIsAckedAsTheClientWroteIt() {
        ClientArguments a = received("2[\"echo\",{ \"t\" : 1.0e3, \"p\":\"\\u00e9\" },[1 ,2],\"s\",5]");
        List<Object> args = a.args();
        assertInstanceOf(Map.class, args.get(0));
        assertInstanceOf(List.class, args.get(1));
        assertEquals("37[{ \"t\" : 1.0e3, \"p\":\"\\u00e9\" },[1 ,2],\"s\",5]", ack(args));
    }

    @Test
    void aChangedObjectIsAckedWithTheChange() {
        List<Object> args = received("2[\"echo\",{\"t\":1,\"p\":\"x\"}]").args();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) args.get(0);
        m.put("p", "y");
        assertEquals("37[{\"t\":1,\"p\":\"y\"}]", ack(args));
    }

    @Test
    void readingAnObjectGivesTheSameValuesAsBefore() {
        List<Object> args = received("2[\"echo\",{\"t\":1,\"l\":[true,null],\"big\":12345678901234567890}]").args();
        assertEquals(Map.of("t", 1, "l", java.util.Arrays.asList(true, null), "big", new java.math.BigInteger("12345678901234567890")),
                args.get(0));
    }

    @Test
    void aMapParameterIsAViewToo() {
        ClientArguments a = received("2[\"e\",{\"a\":[1]}]");
        Map<?, ?> m = a.arg(0, Map.class);
        assertEquals("30[{\"a\":[1]}]", SioPacketEncoder.ack("/", 0, List.of(m), BINDER.fallback()).text());
        assertEquals(List.of(1), m.get("a"));
    }
}
