package dev.socketee.impl.sio;

import java.util.List;
import java.util.Set;

/**
 * Sees what happens on every namespace of a server (the seam the Admin UI module watches
 * through). Installed with {@link SioServer#observer}; while none is installed the call sites pay
 * one volatile read. Calls come on the thread that did the thing (a transport's, a handler's, a
 * broker's), never under a socket's lock, and must not block; an observer that throws is logged
 * by nobody, so it must not throw.
 */
public interface SioObserver {

    /** An Engine.IO connection opened (node's {@code engine.on("connection")}). */
    default void connectionOpened(Client client) {
    }

    /** An Engine.IO connection closed, with its reason. */
    default void connectionClosed(Client client, String reason) {
    }

    /** An Engine.IO message (text or binary) arrived, of that many bytes (UTF-16 units for text). */
    default void messageIn(int size) {
    }

    /** Engine.IO messages written to a client, of that many bytes in all (UTF-16 units for text). */
    default void messagesOut(int count, int size) {
    }

    /** A socket was admitted to its namespace (its rooms joined, the CONNECT reply written). */
    default void socketConnected(SioSocket socket) {
    }

    /** An admitted socket left; {@code rooms} are those it was in. */
    default void socketDisconnected(SioSocket socket, String reason, Set<String> rooms) {
    }

    default void roomJoined(SioSocket socket, String room) {
    }

    default void roomLeft(SioSocket socket, String room) {
    }

    /** An event from the client, before middleware and handlers (node's {@code onAny}), handled or not. */
    default void eventReceived(SioSocket socket, String event, List<Object> args) {
    }

    /** An event written to the socket (node's {@code onAnyOutgoing}), once per recipient of a broadcast. */
    default void eventSent(SioSocket socket, String event, List<?> args) {
    }
}
