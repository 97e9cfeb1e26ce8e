package dev.socketee.impl.engine.transport.jettycore;

import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.WebSocketUpgrade;
import dev.socketee.impl.protocol.engine.EngineWire;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The upgrade on Jetty 12's websocket core, from the servlet (so the servlet's checks and answers
 * stay the same as on the portable path): Jetty's own handshaker on the request under the servlet
 * request, with an {@link EngineNegotiator} that makes the connection's {@link EngineFrameHandler}.
 * No Jakarta session, endpoint config, encoders or decoders per connection.
 */
public final class JettyCoreUpgrade implements WebSocketUpgrade {

    private final EngineServer server;
    private final WebSocketComponents components;
    private final Handshaker handshaker = Handshaker.newInstance();
    /** With ioThread: this server's watch on its selector threads; null otherwise. */
    private final SelectorStallWatch stalls;

    private JettyCoreUpgrade(EngineServer server, WebSocketComponents components, boolean ioThread) {
        this.server = server;
        this.components = components;
        this.stalls = ioThread ? new SelectorStallWatch() : null;
    }

    /**
     * For the Jetty ee10 application of {@code context} (the components its Jakarta container
     * shares, made if it has none).
     *
     * With {@code ioThread}, websocket messages are handled on the selector thread that read them
     * ({@link IoThreadEndPoint}); otherwise on a pool thread, as Jetty's Jakarta endpoint does.
     *
     * @throws IllegalStateException when {@code context} is not a Jetty 12 ee10 context
     */
    public static WebSocketUpgrade create(ServletContext context, EngineServer server, boolean ioThread) {
        ServletContextHandler handler = ServletContextHandler.getServletContextHandler(context);
        if (handler == null || handler.getServer() == null) {
            throw new IllegalStateException("not a Jetty 12 ee10 servlet context: " + context.getClass().getName());
        }
        return new JettyCoreUpgrade(server, WebSocketServerComponents.ensureWebSocketComponents(handler.getServer(), handler),
                ioThread);
    }

    @Override
    public void upgrade(HttpServletRequest req, HttpServletResponse resp, HandshakeInfo handshake, String sid, EngineWire wire)
            throws Exception {
        ServletContextRequest base = ServletContextRequest.getServletContextRequest(req);
        if (base == null) {
            throw new IllegalStateException("not a Jetty request: " + req.getClass().getName());
        }
        EngineNegotiator negotiator = new EngineNegotiator(server.options(),
                new EngineFrameHandler(server, handshake, sid, wire));
        FutureCallback upgraded = new FutureCallback();
        if (!handshaker.upgradeRequest(negotiator, new PathOnly(base, stalls), base.getServletContextResponse(), upgraded,
                components, null)) {
            return; // not a valid websocket upgrade: the servlet answers it (the response is not 101)
        }
        try {
            upgraded.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The request as Jetty's handshaker sees it: its path only. Jetty keeps, for the connection's whole
     * life, the request URI (scheme, host, path, query as separate strings) and the query parsed into a
     * map of its own, for a frame handler that asks its core session; ours never does (the session has
     * what it needs in its {@link HandshakeInfo}), so each idle connection keeps ~0.8 KB less. The URI
     * left is relative (Jetty then keeps it as given); {@code isSecure} still comes from the request.
     * With a {@code stalls} watch (io-thread mode), its connection's endpoint (the one the websocket
     * connection will use) is the {@link IoThreadEndPoint}.
     */
    private static final class PathOnly extends Request.Wrapper {

        private final HttpURI uri;
        private final ConnectionMetaData connection;

        PathOnly(Request request, SelectorStallWatch stalls) {
            super(request);
            this.uri = HttpURI.build().path(request.getHttpURI().getPath()).asImmutable();
            this.connection = stalls != null ? new IoThreadConnection(request.getConnectionMetaData(), stalls)
                    : request.getConnectionMetaData();
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            return connection;
        }
    }
}
