package dev.socketee.impl.engine.transport;

import dev.socketee.impl.engine.EngineServer;
import jakarta.servlet.ServletContext;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Which websocket implementation serves the upgrades, from the setting
 * {@value #SETTING}: {@value #JAKARTA} (the default: the portable Jakarta WebSocket endpoint,
 * every server) or {@value #JETTY_CORE} (Jetty 12's own websocket core: less memory and CPU per
 * connection, one UTF-8 encoding per broadcast; only where the server is Jetty 12 ee10, which
 * the embedded runners set). {@value #JETTY_CORE} on another server falls back to Jakarta with
 * a warning. The Jetty classes are touched only once {@value #JETTY_CORE} is chosen and found.
 */
public final class WebSocketUpgrades {

    public static final String SETTING = "socketee.websocket-transport";
    public static final String JAKARTA = "jakarta";
    public static final String JETTY_CORE = "jetty-core";

    private static final Logger LOG = Logger.getLogger(WebSocketUpgrades.class.getName());
    private static final String PROBE_CLASS = "org.eclipse.jetty.websocket.core.server.Handshaker";

    private WebSocketUpgrades() {
    }

    /**
     * The upgrade for {@code setting} (null or blank: Jakarta); {@code jakarta} makes the portable
     * one, and is not called when Jetty core serves.
     *
     * @throws IllegalArgumentException for a value that is neither
     */
    public static WebSocketUpgrade choose(String setting, ServletContext context, EngineServer server,
                                          Supplier<WebSocketUpgrade> jakarta) {
        String v = setting == null || setting.isBlank() ? JAKARTA : setting.trim().toLowerCase(Locale.ROOT);
        if (JAKARTA.equals(v)) {
            return jakarta.get();
        }
        if (!JETTY_CORE.equals(v)) {
            throw new IllegalArgumentException("Configuration " + SETTING + " must be " + JETTY_CORE + " or " + JAKARTA + ": " + setting);
        }
        if (!jettyCorePresent()) {
            LOG.warning(() -> SETTING + "=" + JETTY_CORE + " but Jetty 12's websocket core is not visible to this"
                    + " application: the Jakarta WebSocket endpoint serves");
            return jakarta.get();
        }
        try {
            return dev.socketee.impl.engine.transport.jettycore.JettyCoreUpgrade.create(context, server);
        } catch (IllegalStateException | LinkageError e) {
            LOG.warning(() -> SETTING + "=" + JETTY_CORE + " is not possible here (" + e
                    + "): the Jakarta WebSocket endpoint serves");
            return jakarta.get();
        }
    }

    private static boolean jettyCorePresent() {
        try {
            Class.forName(PROBE_CLASS, false, WebSocketUpgrades.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
