package dev.socketee.impl.cdi;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.WebSocketOnlyRegistration;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.websocket.server.ServerContainer;
import java.util.function.Function;

/**
 * The CDI-managed server on a WebSocket container without servlets (Java SE: Weld SE and Tyrus,
 * see the {@code socketee-se} module): what {@code SocketeeInitializer} and {@code SocketeeServlet}
 * do in a web application, websocket-only. The settings are those of {@link SocketeeConfig},
 * read from MicroProfile Config when it is there, else from {@code settings}; {@code
 * socketee.transports} must contain {@code websocket}. Call before the container starts.
 */
public final class WebSocketOnlySocketee implements AutoCloseable {

    private final SocketeeExtension extension;
    private final ConnectionAdmissions admissions;
    private final String path;

    private WebSocketOnlySocketee(SocketeeExtension extension, ConnectionAdmissions admissions, String path) {
        this.extension = extension;
        this.admissions = admissions;
        this.path = path;
    }

    public static WebSocketOnlySocketee start(BeanManager beanManager, Function<String, String> settings,
                                              ServerContainer container) {
        SocketeeConfig config = SocketeeConfig.load(settings);
        if (!config.engine().transports().contains(EngineIoOptions.WEBSOCKET)) {
            throw new IllegalArgumentException("socketee.transports must contain websocket: there is no polling here");
        }
        SocketeeExtension extension = beanManager.getExtension(SocketeeExtension.class);
        SocketeeRuntime runtime = extension.start(config, beanManager);
        ConnectionAdmissions admissions = ConnectionAdmissions.resolve(beanManager);
        try {
            WebSocketOnlyRegistration.register(container, runtime.engine(), admissions);
        } catch (RuntimeException e) {
            admissions.close();
            extension.stop();
            throw e;
        }
        return new WebSocketOnlySocketee(extension, admissions, config.engine().path());
    }

    /** The path clients connect to ({@code socketee.path}, default {@code /socket.io}). */
    public String path() {
        return path;
    }

    /** Ends every session ("server shutting down"), then the adapters and threads. */
    @Override
    public void close() {
        extension.stop();
        admissions.close();
    }
}
