package dev.socketee.impl.protocol.engine;

import dev.socketee.impl.protocol.ProtocolException;

/** Engine.IO v4 packet types and their one-character wire codes. */
public enum EnginePacketType {
    OPEN('0'), CLOSE('1'), PING('2'), PONG('3'), MESSAGE('4'), UPGRADE('5'), NOOP('6');

    private static final EnginePacketType[] BY_CODE = values();
    private final char code;

    EnginePacketType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static EnginePacketType fromCode(char c) {
        int i = c - '0';
        if (i < 0 || i >= BY_CODE.length) {
            throw new ProtocolException("Unknown Engine.IO packet type '" + c + "'");
        }
        return BY_CODE[i];
    }
}
