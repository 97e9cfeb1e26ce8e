package dev.socketee.impl.protocol.socket;

import dev.socketee.impl.protocol.ProtocolException;

/** Socket.IO v5 packet types and their one-digit wire codes. */
public enum SioPacketType {
    CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

    private static final SioPacketType[] BY_CODE = values();

    public char code() {
        return (char) ('0' + ordinal());
    }

    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }

    /** EVENT for BINARY_EVENT, ACK for BINARY_ACK, itself otherwise. */
    public SioPacketType textual() {
        return this == BINARY_EVENT ? EVENT : this == BINARY_ACK ? ACK : this;
    }

    /** BINARY_EVENT for EVENT, BINARY_ACK for ACK. */
    public SioPacketType binary() {
        return switch (this) {
            case EVENT, BINARY_EVENT -> BINARY_EVENT;
            case ACK, BINARY_ACK -> BINARY_ACK;
            default -> throw new IllegalArgumentException(this + " cannot carry binary data");
        };
    }

    public static SioPacketType fromCode(char c) {
        int i = c - '0';
        if (i < 0 || i >= BY_CODE.length) {
            throw new ProtocolException("Unknown Socket.IO packet type '" + c + "'");
        }
        return BY_CODE[i];
    }
}
