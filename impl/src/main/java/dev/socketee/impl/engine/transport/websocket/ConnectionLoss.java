package dev.socketee.impl.engine.transport.websocket;

import dev.socketee.impl.engine.EngineCloseReason;
import java.io.IOException;

/**
 * Which close reason a container's {@code onError} means, in node's words. Node's {@code ws}
 * reports a connection that just goes (EOF, reset, a client killed without a close frame) as a
 * plain {@code close}, so engine.io says {@code "transport close"}; it raises an {@code error}
 * only for what the peer sent wrong (a bad frame, a message over the limit): {@code "transport
 * error"}. Containers report both through {@code onError}: an I/O failure anywhere in the cause
 * chain is the lost connection (Jetty's EofException, ClosedChannelException, "Connection reset
 * by peer"); anything else (the containers' protocol and message-size exceptions are runtime
 * exceptions) is an error.
 */
public final class ConnectionLoss {

    /** Bounds the walk down the cause chain (a chain may loop). */
    private static final int MAX_DEPTH = 16;

    private ConnectionLoss() {
    }

    public static EngineCloseReason reasonFor(Throwable error) {
        return isConnectionLoss(error) ? EngineCloseReason.TRANSPORT_CLOSE : EngineCloseReason.TRANSPORT_ERROR;
    }

    static boolean isConnectionLoss(Throwable error) {
        Throwable t = error;
        for (int i = 0; t != null && i < MAX_DEPTH; i++) {
            if (t instanceof IOException) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }
}
