package dev.socketee.admin;

import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioServerPlugin;
import java.util.function.Function;

/** Installs the Admin UI into each server when {@code socketee.admin-ui.enabled=true} (found with ServiceLoader). */
public final class AdminUiPlugin implements SioServerPlugin {

    @Override
    public AutoCloseable install(SioServer server, Function<String, String> config) {
        return AdminUiOptions.from(config).map(o -> AdminUi.install(server, o)).orElse(null);
    }
}
