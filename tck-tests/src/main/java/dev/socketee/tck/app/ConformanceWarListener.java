package dev.socketee.tck.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the conformance app when it is deployed as a WAR to an application server (the tck-tests
 * server profiles build that WAR). An annotated listener may add servlets; it is found by the
 * server's annotation scan, so the WAR needs no web.xml.
 */
@WebListener
public class ConformanceWarListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ConformanceApp.setUp(event.getServletContext());
    }
}
