package dev.socketee.impl.cdi;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads keys from MicroProfile Config; only touched when the API is on the class path. */
final class MicroProfileConfigSource {

    private MicroProfileConfigSource() {
    }

    /** A key reader, or null when the server has no MicroProfile Config. */
    static Function<String, Optional<String>> tryCreate() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, MicroProfileConfigSource.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            Config config = ConfigProvider.getConfig();
            return key -> config.getOptionalValue(key, String.class);
        } catch (RuntimeException e) {
            return null; // API present but no implementation
        }
    }
}
