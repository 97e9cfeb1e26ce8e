package dev.socketee.adapter;

/**
 * Makes the adapter of each namespace (node's {@code io.adapter(createAdapter(...))}). Chosen by
 * {@code socketee.adapter} (a provider found with ServiceLoader, see
 * {@link AdapterFactoryProvider}) or by an application CDI bean or producer of this type, which
 * wins over the configuration.
 */
@FunctionalInterface
public interface AdapterFactory extends AutoCloseable {

    Adapter create(NamespaceHost namespace);

    /**
     * Whether the broker this factory's adapters talk through is reachable now (the readiness
     * check reports the server not ready while it is not). True for adapters without a broker.
     */
    default boolean isConnected() {
        return true;
    }

    /** Called once when the server stops, after every adapter was closed (connections, threads). */
    @Override
    default void close() {
    }
}
