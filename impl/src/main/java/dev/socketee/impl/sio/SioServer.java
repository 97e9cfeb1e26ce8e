package dev.socketee.impl.sio;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.TimerWheel;
import dev.socketee.impl.engine.transport.EngineRegistration;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Socket.IO server on top of one Engine.IO server: the namespaces, and one {@link Client} per
 * Engine.IO session. Namespaces are declared before {@link #attach}.
 *
 * <pre>{@code
 * SioServer io = new SioServer(EngineIoOptions.builder().path("/socket.io").build(), Duration.ofSeconds(45));
 * io.namespace("/", new NamespaceHandlers().on("echo", (s, e, args, ack) -> ack.send(args)));
 * io.attach(servletContext);
 * }</pre>
 */
public final class SioServer implements EngineIoListener {

    private final EngineIoOptions engineOptions;
    private final long connectTimeoutMillis;
    private final int maxAttachments;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private volatile EngineServer engine;

    public SioServer(EngineIoOptions engineOptions, Duration connectTimeout) {
        this(engineOptions, connectTimeout, 100);
    }

    public SioServer(EngineIoOptions engineOptions, Duration connectTimeout, int maxAttachments) {
        this.engineOptions = engineOptions;
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.maxAttachments = maxAttachments;
    }

    /** Declares a namespace with its handlers. */
    public Namespace namespace(String name, NamespaceHandlers handlers) {
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("Namespace names start with '/': " + name);
        }
        Namespace n = new Namespace(name, handlers);
        if (namespaces.putIfAbsent(name, n) != null) {
            throw new IllegalStateException("Namespace declared twice: " + name);
        }
        return n;
    }

    /** The namespace of that name, or null. */
    public Namespace namespace(String name) {
        return namespaces.get(name);
    }

    /** Serves Socket.IO in this web application at the engine path. */
    public void attach(ServletContext context) {
        EngineServer e = new EngineServer(engineOptions, this);
        this.engine = e;
        EngineRegistration.register(context, e);
    }

    public EngineServer engine() {
        return engine;
    }

    TimerWheel timer() {
        return engine.timer();
    }

    long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    int maxAttachments() {
        return maxAttachments;
    }

    @Override
    public void onOpen(EngineConnection connection) {
        connection.attachment(new Client(this, (EngineSession) connection));
    }

    @Override
    public void onMessage(EngineConnection connection, String text) {
        ((Client) connection.attachment()).onText(text);
    }

    @Override
    public void onBinary(EngineConnection connection, byte[] data) {
        ((Client) connection.attachment()).onBinary(data);
    }

    @Override
    public void onClose(EngineConnection connection, String reason) {
        Client c = (Client) connection.attachment();
        if (c != null) {
            c.onEngineClose(reason);
        }
    }
}
