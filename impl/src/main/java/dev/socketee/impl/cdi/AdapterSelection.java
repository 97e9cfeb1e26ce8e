package dev.socketee.impl.cdi;

import dev.socketee.adapter.AdapterFactory;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Which adapter the namespaces get: an application's CDI bean or producer of {@link AdapterFactory}
 * first, else the one {@code socketee.adapter} names ({@link dev.socketee.impl.sio.AdapterFactories}).
 */
final class AdapterSelection {

    private static final Logger LOG = Logger.getLogger(AdapterSelection.class.getName());
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
        return dev.socketee.impl.sio.AdapterFactories.byName(name, config, loader);
    }
}
