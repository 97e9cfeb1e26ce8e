package dev.socketee.engine;

/**
 * A running bare Engine.IO server, as returned by {@link EngineIo#serve}.
 *
 * <pre>{@code
 * EngineIoServer server = EngineIo.serve(ctx, options, listener);
 * int open = server.connectionCount();
 * server.close(); // closes every session with reason "server shutting down"
 * }</pre>
 */
public interface EngineIoServer extends AutoCloseable {

    /** Sessions currently open. */
    int connectionCount();

    /** Closes every session ("server shutting down") and refuses new ones. */
    @Override
    void close();
}
