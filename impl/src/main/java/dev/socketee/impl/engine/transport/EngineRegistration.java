package dev.socketee.impl.engine.transport;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import dev.socketee.impl.engine.transport.websocket.WebSocketBridge;
import jakarta.websocket.server.ServerContainer;

/**
 * Puts an {@link EngineServer} on the web: one async servlet at {@code <path>/*} that serves
 * polling and upgrades to WebSocket. Must run while the web application starts.
 */
public final class EngineRegistration {

    private EngineRegistration() {
    }

    public static void register(ServletContext context, EngineServer server) {
        EngineIoOptions options = server.options();
        ServerContainer webSockets = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        if (webSockets == null && options.transports().contains(EngineIoOptions.WEBSOCKET)) {
            throw new IllegalStateException("No Jakarta WebSocket container in this web application;"
                    + " enable WebSocket on the server or configure transports=[polling]");
        }
        WebSocketBridge bridge = webSockets == null ? null : WebSocketBridge.register(webSockets, options.path(), options.perMessageDeflate());
        ServletRegistration.Dynamic servlet = context.addServlet("socketee-engine" + options.path(),
                new EngineServlet(server, webSockets, bridge));
        if (servlet == null) {
            throw new IllegalStateException("An Engine.IO servlet is already registered at " + options.path());
        }
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        servlet.addMapping(options.path() + "/*");
    }
}
