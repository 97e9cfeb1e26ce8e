package dev.socketee.impl.engine;

/** Why an Engine.IO session closed; the strings are node engine.io's, passed up unchanged. */
public enum EngineCloseReason {
    TRANSPORT_CLOSE("transport close"),
    PING_TIMEOUT("ping timeout"),
    PARSE_ERROR("parse error"),
    FORCED_CLOSE("forced close"),
    TRANSPORT_ERROR("transport error"),
    SERVER_SHUTTING_DOWN("server shutting down");

    private final String wireName;

    EngineCloseReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
