package dev.socketee.impl.cdi;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import dev.socketee.impl.engine.transport.websocket.WebSocketBridge;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.server.ServerContainer;
import java.util.Set;

/**
 * Registers the Socket.IO servlet at {@code <context>/socket.io/*} (or {@code socketee.path})
 * while the web application starts: no web.xml, no code. Found through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}. CDI may not be up yet
 * here; the servlet builds the server in {@code init()}, after it is.
 */
public final class SocketeeInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if ("false".equalsIgnoreCase(context.getInitParameter("socketee.enabled"))) {
            return;
        }
        String path = SocketeeConfig.path(context);
        ServletRegistration.Dynamic servlet = context.addServlet("socketee", new SocketeeServlet());
        if (servlet == null) {
            return; // registered already (declared in web.xml by the application)
        }
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        servlet.addMapping(path + "/*");
        OperationsServlet.register(context, SocketeeConfig.setting(context, "socketee.metrics-path"), SocketeeConfig.setting(context, "socketee.health-path"));
        // WebSocket endpoints can be added only while the application deploys, and some containers
        // set up their WebSocket container after other initializers: a listener runs after all of them
        context.addListener(new BridgeRegistrar(path));
    }

    /** Registers the WebSocket bridge endpoint once the WebSocket container exists. */
    static final class BridgeRegistrar implements ServletContextListener {
        static final String ATTRIBUTE = WebSocketBridge.class.getName();
        private final String path;

        BridgeRegistrar(String path) {
            this.path = path;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext context = event.getServletContext();
            Object container = context.getAttribute(ServerContainer.class.getName());
            if (container instanceof ServerContainer sc) {
                context.setAttribute(ATTRIBUTE, WebSocketBridge.register(sc, path, SocketeeConfig.perMessageDeflate(context)));
            }
        }
    }
}
