package dev.socketee.engine;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One Engine.IO session, whatever transport carries it at the moment (polling or websocket).
 * Sends never block: messages go into a bounded outbound buffer; a connection whose buffer
 * overflows is closed.
 *
 * <pre>{@code
 * public void onMessage(EngineConnection c, String text) {
 *     c.send("echo: " + text);
 * }
 * }</pre>
 */
public interface EngineConnection {

    /** The session id (the {@code sid} of the handshake). */
    String id();

    /** The current transport: {@code "polling"} or {@code "websocket"}. */
    String transport();

    /** Queues a text message. Ignored once the connection is closed. */
    void send(String text);

    /** Queues a binary message. Ignored once the connection is closed. */
    void send(byte[] data);

    /** Closes the connection (reason {@code forced close}). */
    void close();

    /** Whether the connection is still open. */
    boolean isOpen();

    /** The headers of the handshake request, names in lower case. */
    Map<String, List<String>> handshakeHeaders();

    /** The query parameters of the handshake request. */
    Map<String, List<String>> handshakeQuery();

    /** The remote address of the handshake request, when the container tells it. */
    InetSocketAddress remoteAddress();

    /** Attaches an object to the connection (for the layer above). */
    void attachment(Object attachment);

    /** The object attached with {@link #attachment(Object)}, or null. */
    Object attachment();
}
