package dev.socketee.benchmarks;

import dev.socketee.impl.protocol.engine.Eio4Wire;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.v3.Eio3Wire;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Engine.IO packets and polling payloads, v4 and v3, as the transports encode and decode them:
 * one websocket frame (the echo event's packet), and a polling batch of three text packets and a
 * 64-byte binary one. Encoders get fresh packets each call, so no frame cached by an earlier call
 * (a broadcast's sharing) is measured; the broadcast case is the cached one, and costs a field read.
 */
public class EngineCodecBenchmark extends BenchmarkSettings {

    /** The Socket.IO text the packets carry: the load generator's echo event. */
    static final String SIO_TEXT = "21" + Inputs.json(Inputs.ECHO);
    static final byte[] BINARY = Inputs.bytes(64);

    String v4Frame;
    String v3Base64Frame;
    byte[] v4Payload;
    byte[] v3TextPayload;
    byte[] v3BinaryPayload;

    @Setup
    public void setup() {
        v4Frame = Eio4Wire.INSTANCE.textFrame(EnginePacket.message(SIO_TEXT));
        v3Base64Frame = Eio3Wire.BASE64.textFrame(EnginePacket.binary(BINARY));
        v4Payload = Eio4Wire.INSTANCE.encodePayload(batch()).bytes();
        v3TextPayload = Eio3Wire.BASE64.encodePayload(batch()).bytes();
        v3BinaryPayload = Eio3Wire.BINARY.encodePayload(batch()).bytes();
    }

    /** Three text packets and a binary one, new each call. */
    static List<EnginePacket> batch() {
        return List.of(EnginePacket.message(SIO_TEXT), EnginePacket.message(SIO_TEXT), EnginePacket.binary(BINARY),
                EnginePacket.message(SIO_TEXT));
    }

    @Benchmark
    public String v4FrameEncode() {
        return Eio4Wire.INSTANCE.textFrame(EnginePacket.message(SIO_TEXT));
    }

    @Benchmark
    public EnginePacket v4FrameDecode() {
        return Eio4Wire.INSTANCE.decodeTextFrame(v4Frame);
    }

    @Benchmark
    public byte[] v4PayloadEncode() {
        return Eio4Wire.INSTANCE.encodePayload(batch()).bytes();
    }

    @Benchmark
    public List<EnginePacket> v4PayloadDecode() {
        return Eio4Wire.INSTANCE.decodePayload(v4Payload, v4Payload.length, false);
    }

    /** A binary packet as base64 text on a v3 websocket ({@code b64=1}): once per packet. */
    @Benchmark
    public String v3Base64FrameEncode() {
        return Eio3Wire.BASE64.textFrame(EnginePacket.binary(BINARY));
    }

    @Benchmark
    public EnginePacket v3Base64FrameDecode() {
        return Eio3Wire.BASE64.decodeTextFrame(v3Base64Frame);
    }

    /** {@code len:packet...}, binary as base64 (a b64=1 client). */
    @Benchmark
    public byte[] v3TextPayloadEncode() {
        return Eio3Wire.BASE64.encodePayload(batch()).bytes();
    }

    @Benchmark
    public List<EnginePacket> v3TextPayloadDecode() {
        return Eio3Wire.BASE64.decodePayload(v3TextPayload, v3TextPayload.length, false);
    }

    /** The v3 binary payload (kind byte, digit bytes, 0xFF, packet), for a client that takes binary. */
    @Benchmark
    public byte[] v3BinaryPayloadEncode() {
        return Eio3Wire.BINARY.encodePayload(batch()).bytes();
    }

    @Benchmark
    public List<EnginePacket> v3BinaryPayloadDecode() {
        return Eio3Wire.BINARY.decodePayload(v3BinaryPayload, v3BinaryPayload.length, true);
    }
}
