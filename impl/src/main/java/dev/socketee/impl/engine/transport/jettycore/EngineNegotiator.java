package dev.socketee.impl.engine.transport.jettycore;

import dev.socketee.engine.EngineIoOptions;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

/**
 * Accepts one upgrade with the handler made for it, and configures its connection as the Jakarta
 * path does: no extension unless perMessageDeflate (node's default), no idle timeout (the
 * heartbeat decides), messages up to maxPayload (assembled and checked by the handler).
 */
final class EngineNegotiator implements WebSocketNegotiator {

    private final EngineIoOptions options;
    private final FrameHandler handler;

    EngineNegotiator(EngineIoOptions options, FrameHandler handler) {
        this.options = options;
        this.handler = handler;
    }

    @Override
    public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        if (!options.perMessageDeflate()) {
            response.setExtensions(List.of());
        }
        return handler;
    }

    @Override
    public void customize(Configuration configurable) {
        configurable.setIdleTimeout(Duration.ZERO);
        configurable.setMaxTextMessageSize(options.maxPayload());
        configurable.setMaxBinaryMessageSize(options.maxPayload());
    }
}
