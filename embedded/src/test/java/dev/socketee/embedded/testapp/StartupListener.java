package dev.socketee.embedded.testapp;

import dev.socketee.SocketIo;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** A listener with injected fields, as on an EE server. */
@WebListener
public class StartupListener implements ServletContextListener {

    @Inject
    SocketIo io;

    @Inject
    StartupRecord record;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        // a listener that was not injected has a null record: the NPE fails the deployment, loudly
        record.record("listener injected: io " + (io != null));
    }
}
