package dev.socketee.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the runner hands the application from its command line (-D) before the context starts. */
class JettyCoreWebSocketTest {

    @AfterEach
    void clear() {
        System.clearProperty(JettyCoreWebSocket.SETTING);
        System.clearProperty(JettyCoreWebSocket.IO_THREAD);
    }

    @Test
    void jettyCoreByDefaultAndNoIoThreadSettingOfItsOwn() {
        WebAppContext app = new WebAppContext();
        JettyCoreWebSocket.configure(app);
        assertEquals("jetty-core", app.getInitParameter(JettyCoreWebSocket.SETTING));
        assertNull(app.getInitParameter(JettyCoreWebSocket.IO_THREAD), "the application's own configuration decides");
    }

    @Test
    void theCommandLinesChoicesReachTheApplication() {
        System.setProperty(JettyCoreWebSocket.SETTING, " jakarta ");
        System.setProperty(JettyCoreWebSocket.IO_THREAD, " true");
        WebAppContext app = new WebAppContext();
        JettyCoreWebSocket.configure(app);
        assertEquals("jakarta", app.getInitParameter(JettyCoreWebSocket.SETTING));
        assertEquals("true", app.getInitParameter(JettyCoreWebSocket.IO_THREAD));
    }
}
