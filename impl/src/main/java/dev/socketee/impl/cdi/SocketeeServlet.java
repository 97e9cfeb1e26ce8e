package dev.socketee.impl.cdi;

import dev.socketee.impl.engine.transport.EngineServlet;
import dev.socketee.impl.engine.transport.WebSocketUpgrade;
import dev.socketee.impl.engine.transport.WebSocketUpgrades;
import dev.socketee.impl.engine.transport.websocket.JakartaUpgrade;
import dev.socketee.impl.engine.transport.websocket.WebSocketBridge;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;

/**
 * The servlet the initializer registers. At {@code init()} CDI is up: it asks the extension to
 * start the server with the configuration, resolves the {@code ConnectionAdmission} beans, then
 * hands every request to the engine's servlet.
 */
final class SocketeeServlet extends HttpServlet {

    private transient SocketeeExtension extension;
    private transient EngineServlet engine;
    private transient ConnectionAdmissions admissions;

    @Override
    public void init() throws ServletException {
        BeanManager beanManager = beanManager();
        extension = beanManager.getExtension(SocketeeExtension.class);
        SocketeeRuntime runtime = extension.start(SocketeeConfig.load(getServletContext()), beanManager);
        ServerContainer webSockets = (ServerContainer) getServletContext().getAttribute(ServerContainer.class.getName());
        Object bridge = getServletContext().getAttribute(SocketeeInitializer.BridgeRegistrar.ATTRIBUTE);
        if (webSockets != null && bridge == null) {
            throw new ServletException("The WebSocket container was not ready while the application deployed");
        }
        admissions = ConnectionAdmissions.resolve(beanManager);
        try {
            WebSocketUpgrade upgrade = WebSocketUpgrades.choose(SocketeeConfig.setting(getServletContext(), WebSocketUpgrades.SETTING),
                    SocketeeConfig.setting(getServletContext(), WebSocketUpgrades.IO_THREAD_SETTING), getServletContext(), runtime.engine(), () -> bridge == null ? null
                            : new JakartaUpgrade(runtime.engine(), webSockets, (WebSocketBridge) bridge));
            engine = new EngineServlet(runtime.engine(), upgrade, admissions);
            runtime.health().serving(upgrade != null, runtime.engine().options().transports().contains("websocket"));
            getServletContext().setAttribute(SocketeeRuntime.class.getName(), runtime);
        } catch (IllegalArgumentException badOrigins) {
            admissions.close();
            extension.stop();
            throw new ServletException(badOrigins.getMessage(), badOrigins);
        }
    }

    /**
     * The application's BeanManager: the servlet context attribute where a container puts it
     * (Weld Servlet's name, then the EE name), else {@code CDI.current()}.
     */
    private BeanManager beanManager() throws ServletException {
        for (String name : new String[] {"org.jboss.weld.environment.servlet." + BeanManager.class.getName(), BeanManager.class.getName()}) {
            if (getServletContext().getAttribute(name) instanceof BeanManager bm) {
                return bm;
            }
        }
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException e) {
            throw new ServletException("Socketee needs CDI in this web application (no CDI container found)", e);
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        engine.service(req, resp);
    }

    @Override
    public void destroy() {
        if (extension != null) {
            extension.stop();
        }
        if (admissions != null) {
            admissions.close();
        }
    }
}
