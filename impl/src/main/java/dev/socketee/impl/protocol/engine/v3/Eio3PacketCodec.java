package dev.socketee.impl.protocol.engine.v3;

import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketCodec;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.util.Arrays;
import java.util.Base64;

/**
 * One Engine.IO v3 packet (engine.io-parser 2.x, kept in node's engine.io as {@code parser-v3}).
 * <pre>
 *   text packet   = type-digit [ data ]              as in v4, e.g. "4hello"
 *   base64 binary = "b" type-digit base64            e.g. "b4AQID" (clients with b64=1, and in text payloads)
 *   binary packet = type-byte data                   e.g. 04 01 02 03 (a websocket binary frame)
 * </pre>
 * Only MESSAGE packets carry binary.
 */
public final class Eio3PacketCodec {

    private Eio3PacketCodec() {
    }

    /** The text form; a binary packet as base64 ("b4...", made once per packet: a broadcast shares it). */
    public static String encodeText(EnginePacket p) {
        if (p.isBinary()) {
            return p.base64Frame();
        }
        return EnginePacketCodec.encodeText(p);
    }

    public static EnginePacket decodeText(String s) {
        if (!s.isEmpty() && s.charAt(0) == 'b') {
            if (s.length() < 2 || s.charAt(1) != EnginePacketType.MESSAGE.code()) {
                throw new ProtocolException("Base64 packet that is not a message");
            }
            try {
                return EnginePacket.binary(Base64.getMimeDecoder().decode(s.substring(2)));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("Bad base64 in binary packet");
            }
        }
        return EnginePacketCodec.decodeText(s);
    }

    /** The binary form: type byte, then the data (shared by a broadcast's receivers, see {@link EnginePacket#typedBinary()}). */
    public static byte[] encodeBinary(EnginePacket p) {
        return p.typedBinary();
    }

    public static EnginePacket decodeBinary(byte[] frame, int from, int to) {
        if (to <= from) {
            throw new ProtocolException("Empty binary packet");
        }
        if (frame[from] != EnginePacketType.MESSAGE.code() - '0') {
            throw new ProtocolException("Binary packet that is not a message (type " + frame[from] + ")");
        }
        return EnginePacket.binary(Arrays.copyOfRange(frame, from + 1, to));
    }
}
