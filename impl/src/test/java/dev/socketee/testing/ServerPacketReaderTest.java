package dev.socketee.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test client's decoder of what the server sends: namespaces, ack ids, attachments put back. */
class ServerPacketReaderTest {

    private final List<ServerPacketReader.Packet> got = new ArrayList<>();
    private final ServerPacketReader reader = new ServerPacketReader(got::add);

    @Test
    void connectOfTheMainAndOfANamedNamespace() {
        reader.accept(EnginePacket.message("0{\"sid\":\"a\"}"));
        reader.accept(EnginePacket.message("0/chat,{\"sid\":\"b\"}"));
        assertEquals(new ServerPacketReader.Packet(0, "/", -1, Map.of("sid", "a")), got.get(0));
        assertEquals(new ServerPacketReader.Packet(0, "/chat", -1, Map.of("sid", "b")), got.get(1));
    }

    @Test
    void eventsAndAcksWithTheirIds() {
        reader.accept(EnginePacket.message("2/chat,12[\"q\",1]"));
        reader.accept(EnginePacket.message("37[\"ok\"]"));
        reader.accept(EnginePacket.message("1/chat,"));
        assertEquals(new ServerPacketReader.Packet(2, "/chat", 12, List.of("q", 1)), got.get(0));
        assertEquals(new ServerPacketReader.Packet(3, "/", 7, List.of("ok")), got.get(1));
        assertEquals(new ServerPacketReader.Packet(1, "/chat", -1, null), got.get(2));
    }

    @Test
    void binaryWaitsForItsAttachmentsAndPutsThemInPlace() {
        reader.accept(EnginePacket.message("52-/chat,[\"bin\",{\"_placeholder\":true,\"num\":0},{\"k\":{\"_placeholder\":true,\"num\":1}}]"));
        reader.accept(EnginePacket.binary(new byte[] {1}));
        assertEquals(List.of(), got, "not before the last attachment");
        reader.accept(EnginePacket.binary(new byte[] {2, 3}));
        List<?> data = (List<?>) got.get(0).data();
        assertEquals(5, got.get(0).type());
        assertEquals("/chat", got.get(0).namespace());
        assertArrayEquals(new byte[] {1}, (byte[]) data.get(1));
        assertArrayEquals(new byte[] {2, 3}, (byte[]) ((Map<?, ?>) data.get(2)).get("k"));
    }
}
