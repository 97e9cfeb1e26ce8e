package dev.socketee.impl.sio;

/** Why a Socket.IO socket left its namespace; the strings are node socket.io's. */
public enum SioDisconnectReason {
    TRANSPORT_CLOSE("transport close"),
    TRANSPORT_ERROR("transport error"),
    PING_TIMEOUT("ping timeout"),
    PARSE_ERROR("parse error"),
    FORCED_CLOSE("forced close"),
    SERVER_SHUTTING_DOWN("server shutting down"),
    FORCED_SERVER_CLOSE("forced server close"),
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect");

    private final String wireName;

    SioDisconnectReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
