package dev.socketee.impl.engine.transport;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import dev.socketee.impl.engine.HandshakeAdmission;
import dev.socketee.impl.engine.transport.websocket.JakartaUpgrade;
import dev.socketee.impl.engine.transport.websocket.WebSocketBridge;
import jakarta.websocket.server.ServerContainer;

/**
 * Puts an {@link EngineServer} on the web: one async servlet at {@code <path>/*} that serves
 * polling and upgrades to WebSocket (through the Jakarta container, or Jetty's core where
 * {@link WebSocketUpgrades#SETTING} says so). Must run while the web application starts.
 */
public final class EngineRegistration {

    private EngineRegistration() {
    }

    public static void register(ServletContext context, EngineServer server) {
        EngineIoOptions options = server.options();
        ServerContainer webSockets = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        WebSocketUpgrade upgrade = null;
        if (options.transports().contains(EngineIoOptions.WEBSOCKET)) {
            upgrade = WebSocketUpgrades.choose(setting(context, WebSocketUpgrades.SETTING),
                    setting(context, WebSocketUpgrades.IO_THREAD_SETTING), context, server, () -> {
                if (webSockets == null) {
                    throw new IllegalStateException("No Jakarta WebSocket container in this web application;"
                            + " enable WebSocket on the server or configure transports=[polling]");
                }
                return new JakartaUpgrade(server, webSockets,
                        WebSocketBridge.register(webSockets, options.path(), options.perMessageDeflate()));
            });
        }
        ServletRegistration.Dynamic servlet = context.addServlet("socketee-engine" + options.path(),
                new EngineServlet(server, upgrade, HandshakeAdmission.ADMIT_ALL));
        if (servlet == null) {
            throw new IllegalStateException("An Engine.IO servlet is already registered at " + options.path());
        }
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        servlet.addMapping(options.path() + "/*");
    }

    /** The context's init parameter {@code key}, else the system property. */
    private static String setting(ServletContext context, String key) {
        String v = context.getInitParameter(key);
        return v != null && !v.isBlank() ? v : System.getProperty(key);
    }
}
