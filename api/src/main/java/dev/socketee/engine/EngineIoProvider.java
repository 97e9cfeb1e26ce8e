package dev.socketee.engine;

import jakarta.servlet.ServletContext;

/**
 * Service-provider interface behind {@link EngineIo}: the implementation jar registers one in
 * {@code META-INF/services/dev.socketee.engine.EngineIoProvider}. Users never call it.
 *
 * <pre>{@code
 * public final class MyProvider implements EngineIoProvider {
 *     public EngineIoServer serve(ServletContext ctx, EngineIoOptions o, EngineIoListener l) { ... }
 * }
 * }</pre>
 */
public interface EngineIoProvider {

    /** Registers the polling servlet and the WebSocket endpoint at {@code options.path()}. */
    EngineIoServer serve(ServletContext context, EngineIoOptions options, EngineIoListener listener);
}
