package dev.socketee.tck.app;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIo;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.HandshakeAdmission;
import dev.socketee.impl.engine.transport.WebSocketOnlyRegistration;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.time.Duration;
import java.util.Map;

/**
 * The servers of the "Test suite" sections of the engine.io-protocol and socket.io-protocol
 * READMEs, on one port:
 * <ul>
 *   <li>{@code /engine.io/}: bare Engine.IO echoing every message as it came;</li>
 *   <li>{@code /socket.io/}: namespaces {@code /} and {@code /custom}, both emitting {@code auth}
 *       with the CONNECT payload; {@code /} answers {@code message} with {@code message-back}
 *       and acks {@code message-with-ack} with its arguments.</li>
 * </ul>
 * Our own test hooks on {@code /}: {@code server-disconnect} (the server disconnects the socket
 * and closes the connection) and {@code request-ack} (the server emits {@code ack-request} with
 * the same arguments and an ack callback, then emits {@code ack-result} with the client's ack).
 * pingInterval 300 ms, pingTimeout 200 ms, maxPayload 1000000, connect timeout 1000 ms.
 *
 * <p>Runs in any Servlet 6 container: embedded by {@link ConformanceServer}, deployed as a WAR by
 * {@link ConformanceWarListener}; websocket-only on a bare WebSocket container ({@link #setUpWebSocketOnly}).
 */
public final class ConformanceApp {

    private ConformanceApp() {
    }

    static EngineIoOptions.Builder testSettings() {
        return EngineIoOptions.builder()
                .pingInterval(Duration.ofMillis(300))
                .pingTimeout(Duration.ofMillis(200))
                .maxPayload(1_000_000);
    }

    public static void setUp(ServletContext context) {
        EngineIo.serve(context, testSettings().path("/engine.io").build(), new EchoListener());
        socketIo().attach(context);
        Eio3App.setUp(context); // /eio3/: allowEio3 on, for the v3-client ITs
    }

    /**
     * The same two servers websocket-only, on a WebSocket container without servlets (Tyrus
     * standalone): the handshake happens over the websocket. Returns what stops them.
     */
    public static Runnable setUpWebSocketOnly(ServerContainer container) {
        EngineServer engine = new EngineServer(testSettings().path("/engine.io").build(), new EchoListener());
        WebSocketOnlyRegistration.register(container, engine, HandshakeAdmission.ADMIT_ALL);
        SioServer io = socketIo();
        EngineServer sio = io.start();
        WebSocketOnlyRegistration.register(container, sio, HandshakeAdmission.ADMIT_ALL);
        return () -> {
            engine.close();
            sio.close();
            io.close();
        };
    }

    private static SioServer socketIo() {
        SioServer io = new SioServer(testSettings().path("/socket.io").build(), Duration.ofMillis(1000));
        io.namespace("/", new NamespaceHandlers()
                .onConnect(ConformanceApp::emitAuth)
                .on("message", (socket, event, args, ack) -> socket.emitArgs("message-back", args))
                .on("message-with-ack", (socket, event, args, ack) -> {
                    if (ack != null) {
                        ack.send(args);
                    }
                })
                .on("server-disconnect", (socket, event, args, ack) -> socket.disconnect(true))
                .on("request-ack", (socket, event, args, ack) ->
                        socket.emitWithAck("ack-request", args, reply -> socket.emitArgs("ack-result", reply))));
        io.namespace("/custom", new NamespaceHandlers().onConnect(ConformanceApp::emitAuth));
        return io;
    }

    private static void emitAuth(SioSocket socket, Object auth) {
        socket.emit("auth", auth == null ? Map.of() : auth);
    }

    /** Echoes text as text and binary as binary. */
    private static final class EchoListener implements EngineIoListener {
        @Override
        public void onOpen(EngineConnection connection) {
        }

        @Override
        public void onMessage(EngineConnection connection, String text) {
            connection.send(text);
        }

        @Override
        public void onBinary(EngineConnection connection, byte[] data) {
            connection.send(data);
        }
    }
}
