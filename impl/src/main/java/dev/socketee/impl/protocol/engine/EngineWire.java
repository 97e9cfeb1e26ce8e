package dev.socketee.impl.protocol.engine;

import java.util.List;

/**
 * How one transport writes and reads Engine.IO packets: the revision of the protocol its client
 * speaks ({@code EIO=4}, or {@code EIO=3} for Socket.IO v2-era clients), and, for v3, whether the
 * client takes binary ({@code b64=1}: it does not). The transports ask this, never the revision.
 */
public interface EngineWire {

    /** 4 or 3, as the {@code EIO} query parameter. */
    int revision();

    /** Whether a binary MESSAGE goes out as a binary websocket frame ({@link #binaryFrame}), else as text. */
    boolean binaryFrames();

    /** A websocket text frame for {@code packet} (a binary one only when {@link #binaryFrames()} is false). */
    String textFrame(EnginePacket packet);

    /**
     * {@link #textFrame} in UTF-8, for a transport that writes bytes; a revision whose text
     * frame is the packet's own shares the packet's cached bytes ({@link EnginePacket#textFrameUtf8}).
     */
    default byte[] textFrameUtf8(EnginePacket packet) {
        return textFrame(packet).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A websocket binary frame for a binary MESSAGE. */
    byte[] binaryFrame(EnginePacket packet);

    EnginePacket decodeTextFrame(String frame);

    EnginePacket decodeBinaryFrame(byte[] frame);

    /** A polling response body for {@code packets}, and its content type. */
    PollingBody encodePayload(List<EnginePacket> packets);

    /**
     * The packets of a polling POST body; {@code octetStream}: it came as
     * {@code application/octet-stream} (v3's binary payload).
     */
    List<EnginePacket> decodePayload(byte[] body, int length, boolean octetStream);

    /** A polling body and the content type it is sent with. */
    record PollingBody(String contentType, byte[] bytes) {
    }
}
