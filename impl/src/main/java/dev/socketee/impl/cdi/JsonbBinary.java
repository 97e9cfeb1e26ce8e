package dev.socketee.impl.cdi;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code byte[]} inside records and POJOs as Socket.IO attachments, for the Jsonb that Socketee
 * builds (registered as its serializer and deserializer for byte[]). While a packet is written or
 * bound, its attachment list is this thread's {@link #with frame}: a byte[] is written as
 * {@code {"_placeholder":true,"num":N}} and added to it, a placeholder is read back as attachment
 * N. Outside a frame byte[] is written as a number array (Yasson's default) and read from a number
 * array or a base64 string, so plain JSON text packets still bind.
 */
final class JsonbBinary {

    private static final ThreadLocal<List<byte[]>> FRAME = new ThreadLocal<>();

    // classes, not lambdas: JSON-B finds the handled type from the generic interface
    static final class Writer implements JsonbSerializer<byte[]> {
        @Override
        public void serialize(byte[] bytes, JsonGenerator generator, SerializationContext ctx) {
            JsonbBinary.serialize(bytes, generator);
        }
    }

    static final class Reader implements JsonbDeserializer<byte[]> {
        @Override
        public byte[] deserialize(JsonParser parser, DeserializationContext ctx, Type type) {
            return JsonbBinary.deserialize(parser);
        }
    }

    private JsonbBinary() {
    }

    /** Runs {@code work} with {@code attachments} as this thread's frame (null: no frame). */
    static <T> T with(List<byte[]> attachments, Supplier<T> work) {
        List<byte[]> previous = FRAME.get();
        FRAME.set(attachments);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                FRAME.remove();
            } else {
                FRAME.set(previous);
            }
        }
    }

    private static void serialize(byte[] bytes, JsonGenerator generator) {
        List<byte[]> attachments = FRAME.get();
        if (attachments == null) {
            generator.writeStartArray();
            for (byte b : bytes) {
                generator.write(b);
            }
            generator.writeEnd();
            return;
        }
        generator.writeStartObject().write("_placeholder", true).write("num", attachments.size()).writeEnd();
        attachments.add(bytes);
    }

    private static byte[] deserialize(JsonParser parser) {
        JsonValue value = parser.getValue();
        if (value instanceof JsonObject o && o.getBoolean("_placeholder", false)) {
            List<byte[]> attachments = FRAME.get();
            JsonValue num = o.get("num");
            if (attachments == null || !(num instanceof JsonNumber n) || !n.isIntegral()
                    || n.intValue() < 0 || n.intValue() >= attachments.size()) {
                throw new JsonbException("Bad attachment placeholder " + o);
            }
            return attachments.get(n.intValue());
        }
        if (value instanceof JsonString s) {
            return Base64.getDecoder().decode(s.getString());
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<JsonValue> items = value.asJsonArray();
            byte[] out = new byte[items.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(items.get(i) instanceof JsonNumber n) || !n.isIntegral() || n.intValue() < -128 || n.intValue() > 255) {
                    throw new JsonbException("Not a byte: " + items.get(i));
                }
                out[i] = (byte) n.intValue();
            }
            return out;
        }
        throw new JsonbException("Expected binary data, got " + value.getValueType());
    }
}
