package dev.socketee.engine;

/**
 * Callbacks of a bare Engine.IO server, as node's {@code engine.io} "connection", "message" and
 * "close" events. Callbacks run on container threads: they must not block.
 *
 * <pre>{@code
 * EngineIo.serve(servletContext, EngineIoOptions.builder().path("/engine.io").build(), new EngineIoListener() {
 *     public void onOpen(EngineConnection c) { c.send("hello"); }
 *     public void onMessage(EngineConnection c, String text) { c.send(text); }
 *     public void onBinary(EngineConnection c, byte[] data) { c.send(data); }
 * });
 * }</pre>
 */
public interface EngineIoListener {

    /** A handshake completed; the connection can send at once. */
    void onOpen(EngineConnection connection);

    /** A text message arrived. */
    default void onMessage(EngineConnection connection, String text) {
    }

    /** A binary message arrived. The array belongs to the callee. */
    default void onBinary(EngineConnection connection, byte[] data) {
    }

    /**
     * The connection is gone, called exactly once per opened connection.
     *
     * @param reason one of the upstream strings: {@code transport close}, {@code ping timeout},
     *               {@code parse error}, {@code forced close}, {@code transport error},
     *               {@code server shutting down}
     */
    default void onClose(EngineConnection connection, String reason) {
    }
}
