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
    /**
     * {@code true}: on Jetty core, a websocket message is handled on the selector thread that read it
     * (no thread hand-off; synchronous handlers must then never block). {@code false}, the default:
     * on a pool thread. Ignored, with a warning, on the Jakarta endpoint.
     */
    public static final String IO_THREAD_SETTING = "socketee.websocket-io-thread";

    private static final Logger LOG = Logger.getLogger(WebSocketUpgrades.class.getName());
    private static final String PROBE_CLASS = "org.eclipse.jetty.websocket.core.server.Handshaker";

    private WebSocketUpgrades() {
    }

    /**
     * The upgrade for {@code setting} (null or blank: Jakarta) and {@code ioThreadSetting} ({@value
     * #IO_THREAD_SETTING}; null or blank: false); {@code jakarta} makes the portable one, and is not
     * called when Jetty core serves.
     *
     * @throws IllegalArgumentException for a value that is none of these
     */
    public static WebSocketUpgrade choose(String setting, String ioThreadSetting, ServletContext context, EngineServer server,
                                          Supplier<WebSocketUpgrade> jakarta) {
        String v = setting == null || setting.isBlank() ? JAKARTA : setting.trim().toLowerCase(Locale.ROOT);
        boolean ioThread = ioThread(ioThreadSetting);
        if (JAKARTA.equals(v)) {
            if (ioThread) {
                LOG.warning(() -> IO_THREAD_SETTING + "=true needs " + SETTING + "=" + JETTY_CORE
                        + ": the Jakarta WebSocket endpoint handles messages on its container's threads");
            }
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
            WebSocketUpgrade upgrade = dev.socketee.impl.engine.transport.jettycore.JettyCoreUpgrade.create(context, server, ioThread);
            if (ioThread) {
                LOG.info(() -> IO_THREAD_SETTING + "=true: websocket messages are handled on the thread that read them;"
                        + " synchronous handlers must not block (use @ObservesAsync for blocking work)");
            }
            return upgrade;
        } catch (IllegalStateException | LinkageError e) {
            LOG.warning(() -> SETTING + "=" + JETTY_CORE + " is not possible here (" + e
                    + "): the Jakarta WebSocket endpoint serves");
            return jakarta.get();
        }
    }

    /** @throws IllegalArgumentException for anything but true, false, or nothing */
    static boolean ioThread(String setting) {
        if (setting == null || setting.isBlank()) {
            return false;
        }
        String v = setting.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("Configuration " + IO_THREAD_SETTING + " must be true or false: " + setting);
        }
        return v.equals("true");
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
