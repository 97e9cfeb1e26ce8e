package dev.socketee.impl.sio;

import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.AdapterFactoryProvider;
import dev.socketee.adapter.InMemoryAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The adapter factory a name selects: {@code memory} (or nothing) the in-memory one, any other
 * name the {@link AdapterFactoryProvider} of that name found with ServiceLoader (e.g. "redis"
 * from socketee-redis); an unknown name fails with a message that says which module to add.
 */
public final class AdapterFactories {

    private static final Logger LOG = Logger.getLogger(AdapterFactories.class.getName());
    public static final String MEMORY = "memory";

    private AdapterFactories() {
    }

    public static AdapterFactory byName(String name, Function<String, String> config, ClassLoader loader) {
        if (name == null || name.isBlank() || MEMORY.equals(name.trim())) {
            return InMemoryAdapter::new;
        }
        List<String> known = new ArrayList<>();
        for (ClassLoader cl : loaders(loader)) {
            for (AdapterFactoryProvider p : ServiceLoader.load(AdapterFactoryProvider.class, cl)) {
                if (p.name().equals(name.trim())) {
                    LOG.info(() -> "Socket.IO adapter: " + p.name() + " (" + p.getClass().getName() + ")");
                    return p.create(config);
                }
                known.add(p.name());
            }
        }
        throw new IllegalStateException("socketee.adapter=" + name + " but no adapter of that name is on the class path (found: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + "); for redis add dev.socketee:socketee-redis to the application");
    }

    /** The application's class loader first (the WAR's jars), then ours. */
    private static List<ClassLoader> loaders(ClassLoader own) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl == null || tccl == own ? List.of(own) : List.of(tccl, own);
    }
}
