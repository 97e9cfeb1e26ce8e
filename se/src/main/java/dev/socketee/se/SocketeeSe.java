package dev.socketee.se;

import dev.socketee.impl.cdi.WebSocketOnlySocketee;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Socketee in a plain {@code main}, websocket-only: Weld SE finds the application's handler beans
 * (jars and directories with a {@code META-INF/beans.xml}), Tyrus on Grizzly serves them at
 * {@code ws://host:port/socket.io/}. The Engine.IO handshake happens over the websocket, as node
 * allows for clients with {@code transports: ["websocket"]}.
 *
 * <p>Limits, all from having no servlet container: no HTTP long-polling (clients must be told
 * {@code transports: ["websocket"]}; the default polling-first client fails to connect), no
 * {@code HttpSession} and no {@code Principal} in the handshake, no servlet filters, no TLS
 * (put a proxy in front), no managed executors ({@code @ObservesAsync} runs on Socketee's own
 * pool). Handshake refusals (origin, protocol version, {@code ConnectionAdmission}) are websocket
 * closes 1008 with node's message instead of HTTP errors. Settings: MicroProfile Config when it is
 * on the class path, else system properties ({@code -Dsocketee.ping-interval=...}, same keys as in
 * a WAR).
 */
public final class SocketeeSe implements AutoCloseable {

    private final WeldContainer weld;
    private final WebSocketOnlySocketee socketee;
    private final TyrusServer server;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SocketeeSe(WeldContainer weld, WebSocketOnlySocketee socketee, TyrusServer server) {
        this.weld = weld;
        this.socketee = socketee;
        this.server = server;
    }

    /** Starts with bean discovery on the class path and settings from system properties. */
    public static SocketeeSe start(String host, int port) {
        // closed by whoever holds this (main: its shutdown hook), sessions first, then CDI
        return start(new Weld().skipShutdownHook(), host, port, System::getProperty);
    }

    /** Starts with a configured {@code weld} (e.g. {@code disableDiscovery().addBeanClasses(...)}) and {@code settings}. */
    public static SocketeeSe start(Weld weld, String host, int port, Function<String, String> settings) {
        WeldContainer container = weld.initialize();
        WebSocketOnlySocketee[] socketee = new WebSocketOnlySocketee[1];
        try {
            TyrusServer server = TyrusServer.start(host, port, closeTimeout(settings), ws ->
                    socketee[0] = WebSocketOnlySocketee.start(container.getBeanManager(), settings, ws));
            return new SocketeeSe(container, socketee[0], server);
        } catch (RuntimeException e) {
            if (socketee[0] != null) {
                socketee[0].close();
            }
            container.close();
            throw e;
        }
    }

    /** A peer that stops reading loses its TCP connection after closeTimeout, as on the servers. */
    private static Duration closeTimeout(Function<String, String> settings) {
        String v = settings.apply("socketee.close-timeout");
        return v == null || v.isBlank() ? TyrusServer.DEFAULT_WRITE_STALL_TIMEOUT : Duration.ofMillis(Long.parseLong(v.trim()));
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}: what a Socket.IO client is given, with {@code path} {@link #path()}. */
    public URI uri() {
        return server.baseUri();
    }

    /** The Socket.IO path ({@code socketee.path}, default {@code /socket.io}). */
    public String path() {
        return socketee.path();
    }

    /** Ends the sessions ("server shutting down"), then stops Tyrus and CDI; once (later calls do nothing). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        socketee.close();
        server.close();
        weld.close();
    }

    /** {@code java -cp app-and-deps dev.socketee.se.SocketeeSe [host] [port]} (default 127.0.0.1 3000). */
    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        SocketeeSe se = start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(se::close, "socketee-se-stop"));
        System.out.println("Socketee (websocket only) at ws://" + host + ":" + se.port() + se.path() + "/");
        Thread.currentThread().join();
    }
}
