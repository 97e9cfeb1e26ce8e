package dev.socketee.impl.sio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a namespace does with its sockets: connect, named events, a catch-all, disconnect.
 * Built before the server starts and only read afterwards.
 */
public final class NamespaceHandlers {

    /** Runs when a client connects; may refuse by throwing {@link dev.socketee.ConnectionRefusedException}. */
    @FunctionalInterface
    public interface ConnectHandler {
        void onConnect(SioSocket socket, Object auth) throws Exception;
    }

    private ConnectHandler onConnect = (s, auth) -> { };
    private BiConsumer<SioSocket, String> onDisconnect = (s, reason) -> { };
    private BiConsumer<SioSocket, String> onDisconnecting = (s, reason) -> { };
    private ErrorHandler onError;

    /** Runs when an event handler throws; without one the error is logged. */
    @FunctionalInterface
    public interface ErrorHandler {
        void onError(SioSocket socket, String event, Throwable error);
    }
    /** Runs for an event another node sent with {@code serverSideEmit}; {@code ack} null unless one reply is awaited. */
    @FunctionalInterface
    public interface ServerEventHandler {
        void onServerEvent(Namespace namespace, String event, List<Object> args, dev.socketee.adapter.ServerSideAck ack);
    }

    private ServerEventHandler onServerEvent;

    /** Runs before an event's handler; false stops the event (the filter answered the ack if it wanted to). */
    @FunctionalInterface
    public interface IncomingFilter {
        boolean accept(SioSocket socket, String event, List<Object> args, Ack ack);
    }

    /** Sees every event written to a socket of the namespace (node's onAnyOutgoing). */
    @FunctionalInterface
    public interface OutgoingListener {
        void onOutgoing(SioSocket socket, String event, List<?> args);
    }

    private IncomingFilter incoming;
    private volatile OutgoingListener outgoing;
    private final Map<String, EventHandler> events = new HashMap<>();
    private EventHandler catchAll;

    public NamespaceHandlers onConnect(ConnectHandler h) {
        this.onConnect = h;
        return this;
    }

    public NamespaceHandlers onDisconnect(BiConsumer<SioSocket, String> h) {
        this.onDisconnect = h;
        return this;
    }

    /** Runs before the socket leaves its rooms (they are still readable). */
    public NamespaceHandlers onDisconnecting(BiConsumer<SioSocket, String> h) {
        this.onDisconnecting = h;
        return this;
    }

    public NamespaceHandlers onError(ErrorHandler h) {
        this.onError = h;
        return this;
    }

    public NamespaceHandlers incoming(IncomingFilter f) {
        this.incoming = f;
        return this;
    }

    public NamespaceHandlers outgoing(OutgoingListener l) {
        this.outgoing = l;
        return this;
    }

    IncomingFilter incomingFilter() {
        return incoming;
    }

    /** Null when nobody listens: the send paths skip it at the cost of one read. */
    OutgoingListener outgoingListener() {
        return outgoing;
    }

    public NamespaceHandlers onServerEvent(ServerEventHandler h) {
        this.onServerEvent = h;
        return this;
    }

    ServerEventHandler serverEventHandler() {
        return onServerEvent;
    }

    public NamespaceHandlers on(String event, EventHandler h) {
        events.put(event, h);
        return this;
    }

    public NamespaceHandlers onAny(EventHandler h) {
        this.catchAll = h;
        return this;
    }

    ConnectHandler connectHandler() {
        return onConnect;
    }

    BiConsumer<SioSocket, String> disconnectHandler() {
        return onDisconnect;
    }

    BiConsumer<SioSocket, String> disconnectingHandler() {
        return onDisconnecting;
    }

    ErrorHandler errorHandler() {
        return onError;
    }

    /** The handler for an event: its own, else the catch-all, else null. */
    EventHandler handlerFor(String event) {
        EventHandler h = events.get(event);
        return h != null ? h : catchAll;
    }
}
