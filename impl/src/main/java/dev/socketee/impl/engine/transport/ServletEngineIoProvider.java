package dev.socketee.impl.engine.transport;

import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.engine.EngineIoProvider;
import dev.socketee.engine.EngineIoServer;
import dev.socketee.impl.engine.EngineServer;
import jakarta.servlet.ServletContext;

/** The implementation behind {@code dev.socketee.engine.EngineIo.serve}. */
public final class ServletEngineIoProvider implements EngineIoProvider {

    @Override
    public EngineIoServer serve(ServletContext context, EngineIoOptions options, EngineIoListener listener) {
        EngineServer server = new EngineServer(options, listener);
        EngineRegistration.register(context, server);
        return server;
    }
}
