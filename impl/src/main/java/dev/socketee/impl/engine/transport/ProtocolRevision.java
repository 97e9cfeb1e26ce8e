package dev.socketee.impl.engine.transport;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.protocol.engine.Eio4Wire;
import dev.socketee.impl.protocol.engine.EngineWire;
import dev.socketee.impl.protocol.engine.v3.Eio3Wire;
import java.util.List;
import java.util.Map;

/**
 * Which Engine.IO revision a request speaks, as node's engine.io reads it: {@code EIO=4} is v4,
 * anything else (another number, or none) is v3, served only with {@code allowEio3}. A v3
 * client takes binary unless its request has {@code b64}.
 */
final class ProtocolRevision {

    private ProtocolRevision() {
    }

    /** The wire of a handshake, or null when its revision is not served (400 "Unsupported protocol version"). */
    static EngineWire ofHandshake(Map<String, List<String>> query, EngineIoOptions options) {
        if ("4".equals(QueryString.first(query, "EIO"))) {
            return Eio4Wire.INSTANCE;
        }
        return options.allowEio3() ? v3(query) : null;
    }

    /** The wire of a websocket that takes over an existing session: the session's revision. */
    static EngineWire ofUpgrade(Map<String, List<String>> query, EngineSession session) {
        return session.protocol() == 3 ? v3(query) : Eio4Wire.INSTANCE;
    }

    private static EngineWire v3(Map<String, List<String>> query) {
        return Eio3Wire.of(query.containsKey("b64"));
    }
}
