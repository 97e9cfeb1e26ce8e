package dev.socketee.impl.cdi;

import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.AdapterFactoryProvider;
import dev.socketee.adapter.InMemoryAdapter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Which adapter the namespaces get: an application's CDI bean or producer of {@link AdapterFactory}
 * first, else the provider {@code socketee.adapter} names (found with ServiceLoader, e.g. "redis"
 * from socketee-redis), else the in-memory one. A name no provider answers to fails the start with
 * a message that says which module to add.
 */
final class AdapterSelection {

    private static final Logger LOG = Logger.getLogger(AdapterSelection.class.getName());
    static final String MEMORY = "memory";

    private AdapterSelection() {
    }

    static AdapterFactory choose(BeanManager beanManager, String name, Function<String, String> config) {
        Set<Bean<?>> beans = beanManager.getBeans(AdapterFactory.class);
        if (!beans.isEmpty()) {
            Bean<?> bean = beanManager.resolve(beans);
            AdapterFactory f = (AdapterFactory) beanManager.getReference(bean, AdapterFactory.class, beanManager.createCreationalContext(bean));
            LOG.info(() -> "Socket.IO adapter: the application's " + bean.getBeanClass().getName());
            return f;
        }
        return byName(name, config, AdapterSelection.class.getClassLoader());
    }

    static AdapterFactory byName(String name, Function<String, String> config, ClassLoader loader) {
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
