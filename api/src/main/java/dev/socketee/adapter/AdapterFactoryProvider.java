package dev.socketee.adapter;

import java.util.function.Function;

/**
 * A module that offers an adapter by name ({@code socketee.adapter=redis}), found with
 * {@link java.util.ServiceLoader}. The factory reads its own settings through {@code config}
 * (MicroProfile Config keys or init parameters, e.g. {@code socketee.redis.uri}), which returns
 * null for a key that is not set.
 */
public interface AdapterFactoryProvider {

    /** The value of {@code socketee.adapter} that selects this provider. */
    String name();

    AdapterFactory create(Function<String, String> config);
}
