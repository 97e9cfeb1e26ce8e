package dev.socketee.impl.protocol.engine;

import dev.socketee.impl.protocol.ProtocolException;

/**
 * Engine.IO v4 packets on a WebSocket frame, one packet per frame.
 * <pre>
 *   text frame   = type-digit [ data ]          e.g. "4hello", "2probe", "3"
 *   binary frame = raw bytes of a MESSAGE packet (no type byte in v4)
 * </pre>
 */
public final class EnginePacketCodec {

    private EnginePacketCodec() {
    }

    public static String encodeText(EnginePacket packet) {
        return packet.textFrame(); // made once: shared by every receiver of a broadcast
    }

    public static EnginePacket decodeText(String frame) {
        if (frame == null || frame.isEmpty()) {
            throw new ProtocolException("Empty Engine.IO packet");
        }
        EnginePacketType type = EnginePacketType.fromCode(frame.charAt(0));
        if (type == EnginePacketType.MESSAGE) {
            return EnginePacket.message(frame.substring(1));
        }
        if (frame.length() == 1) {
            return constant(type);
        }
        return EnginePacket.of(type, frame.substring(1));
    }

    /** A WebSocket binary frame is a MESSAGE whose data is the frame. */
    public static EnginePacket decodeBinary(byte[] frame) {
        return EnginePacket.binary(frame);
    }

    private static EnginePacket constant(EnginePacketType type) {
        return switch (type) {
            case PING -> EnginePacket.PING;
            case PONG -> EnginePacket.PONG;
            case NOOP -> EnginePacket.NOOP;
            case CLOSE -> EnginePacket.CLOSE;
            case UPGRADE -> EnginePacket.UPGRADE;
            default -> EnginePacket.of(type, "");
        };
    }
}
