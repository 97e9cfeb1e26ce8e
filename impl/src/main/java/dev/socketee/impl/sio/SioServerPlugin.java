package dev.socketee.impl.sio;

import java.util.function.Function;

/**
 * A module that adds to every running server of the application, found with
 * {@link java.util.ServiceLoader} (the Admin UI module is one): it reads its own settings through
 * {@code config} (null for a key that is not set) and may declare namespaces and install an
 * {@link SioObserver}. Installed once the engine has started, so its timers can be armed.
 */
public interface SioServerPlugin {

    /** Installs into {@code server}; returns what to close when the server stops, or null when the plugin is off. */
    AutoCloseable install(SioServer server, Function<String, String> config);
}
