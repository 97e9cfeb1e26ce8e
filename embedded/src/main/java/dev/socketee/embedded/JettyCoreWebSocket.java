package dev.socketee.embedded;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.util.ClassMatcher;

/**
 * The runner's websocket default: Socketee on Jetty 12's own websocket core
 * ({@code socketee.websocket-transport=jetty-core}: about a third of the heap per idle
 * connection of the Jakarta endpoint, less CPU per connection and per message), instead of the
 * portable Jakarta WebSocket endpoint every other server runs ({@code -Dsocketee.websocket-transport=jakarta},
 * or the same key in the application's MicroProfile Config, brings that back). Socketee's
 * transport lives in the WAR ({@code WEB-INF/lib/socketee-impl}); Jetty hides its own classes
 * from web applications, so the few packages that transport links are made visible to this
 * application (only those; the WAR's own classes are untouched).
 */
final class JettyCoreWebSocket {

    static final String SETTING = "socketee.websocket-transport";
    static final String JETTY_CORE = "jetty-core";
    /** Handle websocket messages on the thread that read them (Jetty core only; see README). */
    static final String IO_THREAD = "socketee.websocket-io-thread";
    /** What Socketee's jettycore package links, directly or through the signatures it calls. */
    private static final String[] LINKED = {
        "org.eclipse.jetty.websocket.core.", "org.eclipse.jetty.ee10.servlet.", "org.eclipse.jetty.server.",
        "org.eclipse.jetty.util.", "org.eclipse.jetty.io.", "org.eclipse.jetty.http.",
    };

    private JettyCoreWebSocket() {
    }

    /** Before the context starts. */
    static void configure(WebAppContext app) {
        String choice = System.getProperty(SETTING, JETTY_CORE).trim();
        app.setInitParameter(SETTING, choice);
        String ioThread = System.getProperty(IO_THREAD);
        if (ioThread != null) {
            app.setInitParameter(IO_THREAD, ioThread.trim()); // else the application's own configuration decides
        }
        if (JETTY_CORE.equals(choice)) {
            ClassMatcher visible = new ClassMatcher();
            for (String pkg : LINKED) {
                visible.exclude(pkg);
            }
            app.addHiddenClassMatcher(visible);
        }
    }
}
