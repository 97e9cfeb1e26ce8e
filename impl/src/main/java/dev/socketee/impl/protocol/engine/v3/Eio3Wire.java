package dev.socketee.impl.protocol.engine.v3;

import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EngineWire;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Engine.IO v3 on a transport: websocket binary frames carry the type byte ({@code 04 ...}),
 * polling payloads are {@link Eio3PayloadCodec}'s. A client that asked for {@code b64=1} gets
 * binary as base64 text on both transports, as node's engine.io sends it.
 */
public final class Eio3Wire implements EngineWire {

    public static final Eio3Wire BINARY = new Eio3Wire(true);
    public static final Eio3Wire BASE64 = new Eio3Wire(false);
    private static final Eio3PayloadCodec PAYLOADS = new Eio3PayloadCodec(1000);
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String OCTETS = "application/octet-stream";

    private final boolean supportsBinary;

    private Eio3Wire(boolean supportsBinary) {
        this.supportsBinary = supportsBinary;
    }

    /** {@code b64}: whether the request had the {@code b64} query parameter. */
    public static Eio3Wire of(boolean b64) {
        return b64 ? BASE64 : BINARY;
    }

    @Override
    public int revision() {
        return 3;
    }

    @Override
    public boolean binaryFrames() {
        return supportsBinary;
    }

    @Override
    public String textFrame(EnginePacket packet) {
        return Eio3PacketCodec.encodeText(packet);
    }

    /** The packet's own bytes: its text frame, or its shared base64 frame. */
    @Override
    public byte[] textFrameUtf8(EnginePacket packet) {
        return packet.textFrameUtf8();
    }

    @Override
    public byte[] binaryFrame(EnginePacket packet) {
        return Eio3PacketCodec.encodeBinary(packet);
    }

    @Override
    public EnginePacket decodeTextFrame(String frame) {
        return Eio3PacketCodec.decodeText(frame);
    }

    @Override
    public EnginePacket decodeBinaryFrame(byte[] frame) {
        return Eio3PacketCodec.decodeBinary(frame, 0, frame.length);
    }

    @Override
    public PollingBody encodePayload(List<EnginePacket> packets) {
        if (supportsBinary && Eio3PayloadCodec.hasBinary(packets)) {
            return new PollingBody(OCTETS, Eio3PayloadCodec.encodeBinary(packets));
        }
        return new PollingBody(TEXT, Eio3PayloadCodec.encodeText(packets).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<EnginePacket> decodePayload(byte[] body, int length, boolean octetStream) {
        return octetStream ? PAYLOADS.decodeBinary(body, length)
                : PAYLOADS.decodeText(new String(body, 0, length, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return supportsBinary ? "EIO=3" : "EIO=3 b64";
    }
}
