package dev.socketee.impl.protocol.engine;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One Engine.IO packet: a type plus either text data (possibly empty) or binary data (MESSAGE
 * only). Immutable by convention: the byte array is not copied, so nobody writes to it after
 * the packet is made.
 */
public final class EnginePacket {

    public static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "", null);
    public static final EnginePacket PONG = new EnginePacket(EnginePacketType.PONG, "", null);
    public static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, "", null);
    public static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "", null);
    public static final EnginePacket UPGRADE = new EnginePacket(EnginePacketType.UPGRADE, "", null);
    public static final EnginePacket PING_PROBE = new EnginePacket(EnginePacketType.PING, "probe", null);
    public static final EnginePacket PONG_PROBE = new EnginePacket(EnginePacketType.PONG, "probe", null);

    private final EnginePacketType type;
    private final String text;
    private final byte[] binary;
    /**
     * The binary data behind its type byte, as Engine.IO v3 writes a binary packet; made on
     * first use, so the v3 receivers of a broadcast share one copy (a benign race makes two at most).
     */
    private volatile byte[] typedBinary;
    /**
     * The websocket text frame (type digit + data), made on first use, so every receiver of a
     * broadcast is handed the same String (a benign race makes two at most). A binary packet
     * has no such frame: it keeps its v3 base64 text here instead ({@link #base64Frame()}).
     */
    private volatile String textFrame;
    /** The same frame in UTF-8, made on first use by a transport that writes bytes (Jetty core). */
    private volatile byte[] textFrameUtf8;

    private EnginePacket(EnginePacketType type, String text, byte[] binary) {
        this.type = type;
        this.text = text;
        this.binary = binary;
    }

    public static EnginePacket of(EnginePacketType type, String text) {
        return new EnginePacket(Objects.requireNonNull(type), text == null ? "" : text, null);
    }

    public static EnginePacket message(String text) {
        return new EnginePacket(EnginePacketType.MESSAGE, Objects.requireNonNull(text), null);
    }

    public static EnginePacket binary(byte[] data) {
        return new EnginePacket(EnginePacketType.MESSAGE, null, Objects.requireNonNull(data));
    }

    public EnginePacketType type() {
        return type;
    }

    /** Text data; null for a binary packet. */
    public String text() {
        return text;
    }

    /** Binary data; null for a text packet. */
    public byte[] binary() {
        return binary;
    }

    /** A binary packet's data with its type byte in front (v3 framing), made once per packet. */
    public byte[] typedBinary() {
        byte[] t = typedBinary;
        if (t == null) {
            t = new byte[binary.length + 1];
            t[0] = (byte) (type.code() - '0');
            System.arraycopy(binary, 0, t, 1, binary.length);
            typedBinary = t;
        }
        return t;
    }

    /** A text packet's frame: its type digit, then its data; made once per packet. */
    public String textFrame() {
        if (binary != null) {
            throw new IllegalArgumentException("binary packet has no text form: " + this);
        }
        String f = textFrame;
        if (f == null) {
            f = text.isEmpty() ? String.valueOf(type.code()) : type.code() + text;
            textFrame = f;
        }
        return f;
    }

    /**
     * A binary packet as Engine.IO v3 text ("b", type digit, base64 of the data), for v3 clients
     * with {@code b64=1}; made once per packet, so a broadcast's v3 receivers share it.
     */
    public String base64Frame() {
        if (binary == null) {
            throw new IllegalArgumentException("text packet has no base64 form: " + this);
        }
        String f = textFrame;
        if (f == null) {
            f = "b" + type.code() + Base64.getEncoder().encodeToString(binary);
            textFrame = f;
        }
        return f;
    }

    /**
     * The frame's text in UTF-8 ({@link #textFrame()}, or for a binary packet its v3
     * {@link #base64Frame()}), made once per packet: a broadcast to transports that write bytes
     * encodes it once. Nobody may write to the array.
     */
    public byte[] textFrameUtf8() {
        byte[] b = textFrameUtf8;
        if (b == null) {
            b = (binary == null ? textFrame() : base64Frame()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            textFrameUtf8 = b;
        }
        return b;
    }

    public boolean isBinary() {
        return binary != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnginePacket p && p.type == type && Objects.equals(p.text, text) && Arrays.equals(p.binary, binary);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + (binary != null ? Arrays.hashCode(binary) : text.hashCode());
    }

    @Override
    public String toString() {
        return isBinary() ? type + "<" + binary.length + " bytes>" : type + "(" + text + ")";
    }
}
