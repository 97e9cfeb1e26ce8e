package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.socket.PlainValues;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketDecoder;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * byte[] inside records, lists, maps and Optionals is a Socket.IO attachment both ways, as
 * socket.io-parser does for Buffers inside objects; through the encoder and decoder as in
 * production, with Socketee's default Jsonb and one built from an application's JsonbConfig.
 */
class ArgumentBinderBinaryTest {

    public record Blob(String name, byte[] data) {
    }

    public record Bundle(String title, Blob main, List<byte[]> parts, Map<String, byte[]> named, Optional<byte[]> extra) {
    }

    public record Temperature(double celsius) {
    }

    public record Reading(Temperature temperature, String sensorName) {
    }

    private static final ArgumentBinder BINDER = new ArgumentBinder();
    private static final byte[] A = {1, 2, 3, (byte) 255, 0};
    private static final byte[] B = {9};
    private static final byte[] C = {};

    private static SioPacket decode(EncodedSioPacket encoded) {
        SioPacketDecoder decoder = new SioPacketDecoder(100);
        SioPacket p = decoder.decodeText(encoded.text());
        for (byte[] a : encoded.attachments()) {
            assertEquals(null, p);
            p = decoder.decodeBinary(a);
        }
        return p;
    }

    @Test
    void recordWithByteArrayGoesOutAsAttachment() {
        EncodedSioPacket p = SioPacketEncoder.event("/", "file", List.of(new Blob("a.bin", A)), -1, BINDER.fallback());
        assertEquals("51-[\"file\",{\"data\":{\"_placeholder\":true,\"num\":0},\"name\":\"a.bin\"}]", p.text());
        assertEquals(1, p.attachments().size());
        assertArrayEquals(A, p.attachments().get(0));
    }

    @Test
    void attachmentsAreNumberedAcrossArgumentsAndNesting() {
        Bundle bundle = new Bundle("t", new Blob("m", A), List.of(B, C), Map.of("k", A), Optional.of(B));
        EncodedSioPacket p = SioPacketEncoder.event("/chat", "bundle", List.of(C, bundle), 7, BINDER.fallback());
        assertTrue(p.text().startsWith("56-/chat,7[\"bundle\",{\"_placeholder\":true,\"num\":0},"), p.text());
        assertEquals(6, p.attachments().size());
        for (int i = 0; i < 6; i++) {
            assertTrue(p.text().contains("\"num\":" + i + "}"), "placeholder " + i + " in " + p.text());
        }
        SioPacket in = decode(p);
        assertArrayEquals(C, BINDER.bind(in.args().get(0), byte[].class));
        Bundle back = BINDER.bind(in.args().get(1), Bundle.class);
        assertEquals("t", back.title());
        assertEquals("m", back.main().name());
        assertArrayEquals(A, back.main().data());
        assertEquals(2, back.parts().size());
        assertArrayEquals(B, back.parts().get(0));
        assertArrayEquals(C, back.parts().get(1));
        assertArrayEquals(A, back.named().get("k"));
        assertArrayEquals(B, back.extra().orElseThrow());
    }

    @Test
    void clientsBinaryEventBindsToRecord() {
        // what socket.io-client sends for socket.emit("file", {name: "a.bin", data: Buffer}, ack)
        SioPacketDecoder decoder = new SioPacketDecoder(10);
        assertEquals(null, decoder.decodeText("51-3[\"file\",{\"name\":\"a.bin\",\"data\":{\"_placeholder\":true,\"num\":0}}]"));
        SioPacket in = decoder.decodeBinary(A);
        Blob blob = BINDER.bind(in.args().get(0), Blob.class);
        assertEquals("a.bin", blob.name());
        assertArrayEquals(A, blob.data());
        List<Blob> list = BINDER.bind(List.of(Map.of("name", "x", "data", B)),
                new jakarta.enterprise.util.TypeLiteral<List<Blob>>() { }.getType());
        assertArrayEquals(B, list.get(0).data());
    }

    @Test
    void binaryAckRepliesBindAndAckArgumentsGoOutAsAttachments() {
        SioPacketDecoder decoder = new SioPacketDecoder(10);
        decoder.decodeText("61-4[{\"name\":\"r\",\"data\":{\"_placeholder\":true,\"num\":0}}]");
        SioPacket ack = decoder.decodeBinary(B);
        ClientArguments reply = new ClientArguments(ack.args(), BINDER);
        assertArrayEquals(B, reply.arg(0, Blob.class).data());

        EncodedSioPacket out = SioPacketEncoder.ack("/", 4, List.of(new Blob("r", B)), BINDER.fallback());
        assertEquals("61-4[{\"data\":{\"_placeholder\":true,\"num\":0},\"name\":\"r\"}]", out.text());
    }

    @Test
    void textPacketsStillBindNumberArraysAndBase64() {
        SioPacket in = new SioPacketDecoder(10).decodeText("2[\"f\",{\"name\":\"n\",\"data\":[1,2,-1]},{\"name\":\"m\",\"data\":\"CQ==\"}]");
        assertArrayEquals(new byte[] {1, 2, -1}, BINDER.<Blob>bind(in.args().get(0), Blob.class).data());
        assertArrayEquals(B, BINDER.<Blob>bind(in.args().get(1), Blob.class).data());
    }

    @Test
    void placeholderWithoutAttachmentIsRefused() {
        SioPacket in = new SioPacketDecoder(10).decodeText("2[\"f\",{\"name\":\"n\",\"data\":{\"_placeholder\":true,\"num\":0}}]");
        assertThrows(IllegalArgumentException.class, () -> BINDER.bind(in.args().get(0), Blob.class));
    }

    @Test
    void plainValuesForClusterAdaptersCarryTheBytes() {
        List<Object> plain = PlainValues.of(List.of("ev", new Blob("n", A)), BINDER.fallback());
        Map<?, ?> blob = assertInstanceOf(Map.class, plain.get(1));
        assertArrayEquals(A, (byte[]) blob.get("data"));
        assertEquals("n", blob.get("name"));
    }

    @Test
    void withoutAttachmentsByteArraysAreNumberArraysAsBefore() {
        assertEquals("{\"data\":[1,2,3,-1,0],\"name\":\"n\"}", BINDER.fallback().toJson(new Blob("n", A)));
        EncodedSioPacket err = SioPacketEncoder.connectError("/", "no", new Blob("n", B), BINDER.fallback());
        assertEquals("4{\"message\":\"no\",\"data\":{\"data\":[9],\"name\":\"n\"}}", err.text());
    }

    @Test
    void applicationJsonbConfigIsUsedWithBinaryKept() {
        JsonbConfig app = new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE)
                .withAdapters(new CelsiusAdapter());
        ArgumentBinder binder = new ArgumentBinder(JsonbSource.build(app, "test"));
        EncodedSioPacket out = SioPacketEncoder.event("/", "r", List.of(new Reading(new Temperature(21.5), "s1"), new Blob("n", A)),
                -1, binder.fallback());
        assertEquals("51-[\"r\",{\"SensorName\":\"s1\",\"Temperature\":\"21.5C\"},"
                + "{\"Data\":{\"_placeholder\":true,\"num\":0},\"Name\":\"n\"}]", out.text());
        SioPacket in = decode(out);
        assertEquals(new Reading(new Temperature(21.5), "s1"), binder.bind(in.args().get(0), Reading.class));
        assertArrayEquals(A, binder.<Blob>bind(in.args().get(1), Blob.class).data());
        assertEquals(2, app.getAsMap().size(), "the application's config keeps its two properties, no serializers added");
    }

    @Test
    void applicationsOwnJsonbIsUsedAsItIs() {
        JsonbConfig app = new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE);
        ArgumentBinder binder = new ArgumentBinder(new JsonbSource.Choice(JsonbBuilder.create(app), false, "test"));
        // its own binary strategy (Yasson's default: numbers) for byte[] inside objects, out and in
        EncodedSioPacket out = SioPacketEncoder.event("/", "f", List.of(new Blob("n", B)), -1, binder.fallback());
        assertEquals("2[\"f\",{\"Data\":[9],\"Name\":\"n\"}]", out.text());
        SioPacketDecoder decoder = new SioPacketDecoder(10);
        decoder.decodeText("51-[\"f\",{\"Name\":\"n\",\"Data\":{\"_placeholder\":true,\"num\":0}}]");
        SioPacket in = decoder.decodeBinary(A);
        assertArrayEquals(A, binder.<Blob>bind(in.args().get(0), Blob.class).data());
    }

    public static final class CelsiusAdapter implements JsonbAdapter<Temperature, String> {
        @Override
        public String adaptToJson(Temperature t) {
            return t.celsius() + "C";
        }

        @Override
        public Temperature adaptFromJson(String s) {
            return new Temperature(Double.parseDouble(s.substring(0, s.length() - 1)));
        }
    }
}
