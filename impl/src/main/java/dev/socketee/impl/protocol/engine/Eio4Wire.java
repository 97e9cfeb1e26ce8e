package dev.socketee.impl.protocol.engine;

import dev.socketee.impl.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Engine.IO v4 ({@link EnginePacketCodec} on websocket frames, {@link PollingPayloadCodec} on polling). */
public final class Eio4Wire implements EngineWire {

    public static final Eio4Wire INSTANCE = new Eio4Wire();
    private static final PollingPayloadCodec PAYLOADS = new PollingPayloadCodec(1000);
    private static final String TEXT = "text/plain; charset=UTF-8";

    private Eio4Wire() {
    }

    @Override
    public int revision() {
        return 4;
    }

    @Override
    public boolean binaryFrames() {
        return true;
    }

    @Override
    public String textFrame(EnginePacket packet) {
        return EnginePacketCodec.encodeText(packet);
    }

    @Override
    public byte[] textFrameUtf8(EnginePacket packet) {
        return packet.textFrameUtf8();
    }

    /** v4: the frame is the data, no type byte. */
    @Override
    public byte[] binaryFrame(EnginePacket packet) {
        return packet.binary();
    }

    @Override
    public EnginePacket decodeTextFrame(String frame) {
        return EnginePacketCodec.decodeText(frame);
    }

    @Override
    public EnginePacket decodeBinaryFrame(byte[] frame) {
        return EnginePacketCodec.decodeBinary(frame);
    }

    @Override
    public PollingBody encodePayload(List<EnginePacket> packets) {
        StringBuilder sb = new StringBuilder(64);
        PAYLOADS.encode(packets, sb);
        return new PollingBody(TEXT, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** v4 has no binary payload; its content type is not checked (as before v3 support). */
    @Override
    public List<EnginePacket> decodePayload(byte[] body, int length, boolean octetStream) {
        if (length == 0) {
            throw new ProtocolException("Empty polling payload");
        }
        return PAYLOADS.decode(new String(body, 0, length, StandardCharsets.UTF_8));
    }
}
