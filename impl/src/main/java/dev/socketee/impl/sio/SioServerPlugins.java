package dev.socketee.impl.sio;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every {@link SioServerPlugin} on the class path, installed into one server and closed with it. */
public final class SioServerPlugins implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SioServerPlugins.class.getName());
    private final List<AutoCloseable> installed;

    private SioServerPlugins(List<AutoCloseable> installed) {
        this.installed = installed;
    }

    /**
     * Installs the plugins the application's class loader finds (the WAR's jars; else ours). A
     * plugin that fails to install fails the start, as a misconfigured adapter does.
     */
    public static SioServerPlugins install(SioServer server, Function<String, String> config) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = tccl != null ? tccl : SioServerPlugin.class.getClassLoader();
        List<AutoCloseable> installed = new ArrayList<>();
        for (SioServerPlugin p : ServiceLoader.load(SioServerPlugin.class, loader)) {
            AutoCloseable c = p.install(server, config);
            if (c != null) {
                installed.add(c);
            }
        }
        return new SioServerPlugins(installed);
    }

    @Override
    public void close() {
        for (AutoCloseable c : installed) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Server plugin failed to close", e);
            }
        }
    }
}
