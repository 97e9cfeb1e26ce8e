package dev.socketee.impl.engine.transport.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A container's websocket session, faked: text sends complete at once and are kept; a close is
 * kept and, once an endpoint is known, reported to its {@code onClose} as a container does; with
 * {@link #readingDuringOnOpen} the container delivers a first frame while onOpen still runs.
 * Other calls an endpoint makes fail, so a test sees what it relies on.
 */
public final class FakeWebSocket {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Session session;
    private volatile CloseReason closed;
    private volatile Endpoint endpoint;
    private volatile String earlyFrame;
    private MessageHandler.Whole<String> textHandler;

    public FakeWebSocket() {
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, m, args) -> {
                    if (m.getName().equals("sendText") && args.length == 2) {
                        sent.add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "addMessageHandler" -> {
                        addHandler(args);
                        yield null;
                    }
                    case "setMaxTextMessageBufferSize" -> {
                        deliverEarlyFrame();
                        yield null;
                    }
                    case "setMaxBinaryMessageBufferSize", "setMaxIdleTimeout" -> null;
                    case "getAsyncRemote" -> async;
                    case "isOpen" -> closed == null;
                    case "close" -> {
                        close((Session) proxy, args != null && args.length == 1 ? (CloseReason) args[0]
                                : new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeWebSocket";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A container that reads {@code frame} while onOpen runs (when the endpoint sets its buffer size, a step of onOpen). */
    public FakeWebSocket readingDuringOnOpen(String frame) {
        earlyFrame = frame;
        return this;
    }

    /** The endpoint the container reports this connection's close to. */
    public void endpoint(Endpoint e) {
        endpoint = e;
    }

    public Session session() {
        return session;
    }

    /** The texts sent, in order. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** The close the endpoint made, or null while open. */
    public CloseReason closed() {
        return closed;
    }

    @SuppressWarnings("unchecked")
    private void addHandler(Object[] args) {
        if (args.length == 2 && args[0] == String.class) {
            textHandler = (MessageHandler.Whole<String>) args[1];
        }
    }

    private void deliverEarlyFrame() {
        String frame = earlyFrame;
        if (frame != null && textHandler != null) {
            earlyFrame = null;
            textHandler.onMessage(frame); // the container read it meanwhile
        }
    }

    private void close(Session proxy, CloseReason reason) {
        closed = reason;
        Endpoint e = endpoint;
        if (e != null) {
            e.onClose(proxy, reason);
        }
    }
}
