package dev.socketee.microprofile;

import dev.socketee.impl.metrics.Meter;
import dev.socketee.impl.metrics.MetricsBinder;
import dev.socketee.impl.metrics.SocketeeMeters;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What both binders do with their registry {@code R}: find the application's registry bean,
 * register every meter in it, hold each meter strongly (registries may hold what a gauge reads
 * only weakly), and remove on unbind exactly what was registered, by the handle {@code H} the
 * registry gave. A subclass says only how one meter goes in and how a handle comes out.
 */
public abstract class RegistryBinder<R, H> implements MetricsBinder {

    private final String registryName;
    private final List<H> registered = new ArrayList<>();
    private final List<Meter> held = new ArrayList<>();
    private R registry;

    /** {@code registryName}: the registry's simple type name, for the warning when there is none. */
    protected RegistryBinder(String registryName) {
        this.registryName = registryName;
    }

    /** The registry beans the subclass has injected. */
    protected abstract Instance<R> registries();

    /** Registers one meter; the handle to remove it with, or null when none was made. */
    protected abstract H register(R registry, Meter meter);

    protected abstract void remove(R registry, H handle);

    @Override
    public synchronized void bind(SocketeeMeters meters) {
        Instance<R> registries = registries();
        if (!registries.isResolvable()) {
            Logger.getLogger(getClass().getName()).warning("socketee-microprofile: no " + registryName
                    + " bean to register the Socketee meters in");
            return;
        }
        bindTo(registries.get(), meters.all());
    }

    synchronized void bindTo(R registry, List<Meter> meters) {
        this.registry = registry;
        for (Meter m : meters) {
            held.add(m);
            H handle = register(registry, m);
            if (handle != null) {
                registered.add(handle);
            }
        }
    }

    @Override
    public synchronized void unbind() {
        if (registry != null) {
            registered.forEach(h -> remove(registry, h));
        }
        registered.clear();
        held.clear();
    }
}
