package dev.socketee.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonWriter;
import dev.socketee.impl.json.RawJson;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each benchmark's answer is the expected one, so a timed run measures working code: called once
 * each, untimed (the build never runs the benchmarks themselves).
 */
class BenchmarkInputsTest {

    /** Compares JSON by value: through Socketee's reader, whatever wrote it (JSON-B's BigDecimal numbers included). */
    private static Object normalized(Object jsonOrValue) {
        String json = jsonOrValue instanceof String s ? s : JsonWriter.write(jsonOrValue);
        return JsonReader.parse(json);
    }

    @Test
    void engineCodecs() {
        EngineCodecBenchmark b = new EngineCodecBenchmark();
        b.setup();
        String text = EngineCodecBenchmark.SIO_TEXT;
        EnginePacket bin = EnginePacket.binary(EngineCodecBenchmark.BINARY);
        List<EnginePacket> batch = EngineCodecBenchmark.batch();
        String base64 = java.util.Base64.getEncoder().encodeToString(EngineCodecBenchmark.BINARY);
        String b64 = "b4" + base64;

        assertEquals("4" + text, b.v4FrameEncode());
        assertEquals(EnginePacket.message(text), b.v4FrameDecode());
        String v4 = "4" + text + "\u001e";
        assertEquals(v4 + v4 + "b" + base64 + "\u001e4" + text, utf8(b.v4PayloadEncode()));
        assertEquals(batch, b.v4PayloadDecode());

        assertEquals(b64, b.v3Base64FrameEncode());
        assertEquals(bin, b.v3Base64FrameDecode());
        String v3 = (text.length() + 1) + ":4" + text;
        assertEquals(v3 + v3 + b64.length() + ":" + b64 + v3, utf8(b.v3TextPayloadEncode()));
        assertEquals(batch, b.v3TextPayloadDecode());
        byte[] binaryPayload = b.v3BinaryPayloadEncode();
        assertEquals(0, binaryPayload[0], "a text packet first");
        assertEquals(batch, b.v3BinaryPayloadDecode());
    }

    @ParameterizedTest
    @ValueSource(strings = {Inputs.ECHO, Inputs.CHAT})
    void socketIoCodecs(String shape) {
        SioCodecBenchmark b = new SioCodecBenchmark();
        b.shape = shape;
        b.setup();
        String data = Inputs.json(shape);
        String args = "[" + data.substring(data.indexOf(',') + 1);

        SioPacket event = b.decodeEvent();
        assertEquals(SioPacketType.EVENT, event.type());
        assertEquals(shape, event.event());
        assertEquals(SioCodecBenchmark.ACK_ID, event.ackId());
        assertEquals(Inputs.rawArgs(shape), event.args(), "raw arguments, cut as the inputs have them");

        assertEquals("312" + args, b.encodeAckOfRawArgs().text());
        List<Object> chat = new java.util.ArrayList<>(List.of("chat"));
        chat.addAll(Inputs.args(shape));
        assertEquals(chat, JsonReader.parse(b.encodeEventOfPlainValues().text().substring(1)));

        var binary = b.encodeBinaryEvent();
        assertEquals(2, binary.attachments().size());
        assertEquals("52-12[\"upload\",", binary.text().substring(0, 15));
        SioPacket back = b.decodeBinaryEvent();
        assertEquals(SioPacketType.BINARY_EVENT, back.type());
        assertEquals("upload", back.event());
        List<Object> expected = SioCodecBenchmark.binaryArgs(shape);
        assertArrayEquals(Inputs.bytes(1024), (byte[]) back.args().get(back.args().size() - 1));
        assertArrayEquals(Inputs.bytes(1024), (byte[]) ((java.util.Map<?, ?>) back.args().get(0)).get("file"));
        assertEquals(expected.size(), back.args().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {Inputs.ECHO, Inputs.CHAT})
    void jsonReaders(String shape) throws Exception {
        JsonReadBenchmark b = new JsonReadBenchmark();
        b.shape = shape;
        b.setup();
        try {
            List<RawJson> split = b.scannerSplitArray();
            assertEquals(shape, JsonReader.parse(split.get(0).json()));
            assertEquals(Inputs.rawArgs(shape), split.subList(1, split.size()));
            assertEquals(Inputs.value(shape), b.jsonReader());
            assertEquals(Inputs.value(shape), normalized(b.jsonpTree().toString()));
            assertEquals(Inputs.value(shape), normalized(b.jsonbToObject()));
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Inputs.ECHO, Inputs.CHAT})
    void jsonWriters(String shape) throws Exception {
        JsonWriteBenchmark b = new JsonWriteBenchmark();
        b.shape = shape;
        b.setup();
        try {
            assertEquals(Inputs.json(shape), b.jsonWriter(), "the inputs' text is what JSON.stringify writes");
            assertEquals(Inputs.value(shape), normalized(b.jsonbToJson()));
            assertEquals(Inputs.value(shape), normalized(b.jsonpGenerator()));
        } finally {
            b.tearDown();
        }
    }

    @Test
    void inputsOfEveryShapeReadBackAsTheirValue() {
        for (String shape : List.of(Inputs.ECHO, Inputs.CHAT)) {
            assertEquals(Inputs.value(shape), JsonReader.parse(Inputs.json(shape)));
        }
        assertNull(((java.util.Map<?, ?>) Inputs.value(Inputs.CHAT).get(1)).get("reply"));
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
