package dev.socketee.impl.cdi;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
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
    }
}
