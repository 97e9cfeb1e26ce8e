package dev.socketee.engine;

import jakarta.servlet.ServletContext;
import java.util.ServiceLoader;

/**
 * Entry point for a bare Engine.IO server (no Socket.IO on top), like node's {@code engine.io}
 * package. Call it while the web application starts (a {@code ServletContextListener} or a
 * {@code ServletContainerInitializer}), because servlets and WebSocket endpoints can only be
 * added then.
 *
 * <pre>{@code
 * @WebListener
 * public class EchoEngine implements ServletContextListener {
 *     public void contextInitialized(ServletContextEvent e) {
 *         EngineIo.serve(e.getServletContext(), EngineIoOptions.builder().path("/engine.io").build(),
 *                 new EngineIoListener() {
 *                     public void onOpen(EngineConnection c) { }
 *                     public void onMessage(EngineConnection c, String text) { c.send(text); }
 *                 });
 *     }
 * }
 * }</pre>
 */
public final class EngineIo {

    private EngineIo() {
    }

    /**
     * Serves Engine.IO at {@code options.path()} (relative to the context path) over HTTP
     * long-polling and WebSocket.
     */
    public static EngineIoServer serve(ServletContext context, EngineIoOptions options, EngineIoListener listener) {
        ClassLoader loader = EngineIo.class.getClassLoader();
        for (EngineIoProvider provider : ServiceLoader.load(EngineIoProvider.class, loader)) {
            return provider.serve(context, options, listener);
        }
        throw new IllegalStateException("No Engine.IO implementation found: add socketee-impl to the application");
    }
}
