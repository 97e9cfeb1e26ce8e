package dev.socketee.impl.engine.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * A registered endpoint that hands its connection to the endpoint chosen for it at the handshake
 * (the servlet's upgrade bridge, the websocket-only registration): the container knows one class,
 * each connection gets its own Engine.IO endpoint.
 */
public abstract class ForwardingEndpoint extends Endpoint {

    private Endpoint target;

    /** Called from {@code onOpen}: from now on every callback of this connection goes to {@code to}. */
    protected final void forwardTo(Endpoint to, Session session, EndpointConfig config) {
        target = to;
        to.onOpen(session, config);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (target != null) {
            target.onClose(session, reason);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        if (target != null) {
            target.onError(session, error);
        }
    }
}
