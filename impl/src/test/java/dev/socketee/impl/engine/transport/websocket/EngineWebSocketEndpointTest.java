package dev.socketee.impl.engine.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint against a container that reads the client's first frame while onOpen still runs
 * (Payara's Tyrus does, now and then): the frame must be handled, after the endpoint is set up.
 */
class EngineWebSocketEndpointTest {

    private EngineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A parked-GET-less polling transport: the session to upgrade. */
    private static final class Polling implements Transport {
        @Override
        public String name() {
            return EngineIoOptions.POLLING;
        }

        @Override
        public void send(List<EnginePacket> packets) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aProbeReadWhileOnOpenRunsIsAnswered() {
        server = new EngineServer(EngineIoOptions.builder().pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5)).build(),
                new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                    }
                });
        HandshakeInfo handshake = new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1),
                System.currentTimeMillis(), null, null);
        EngineSession polling = server.open(new Polling(), handshake);
        List<String> sent = new CopyOnWriteArrayList<>();
        Session ws = containerReadingDuringOnOpen("2probe", sent);

        new EngineWebSocketEndpoint(server, handshake, polling.id()).onOpen(ws, null);

        assertEquals(List.of("3probe"), sent, "the probe read during onOpen is answered once");
    }

    /**
     * A session whose container delivers {@code firstFrame} to the text handler registered so far
     * when the endpoint sets its buffer size (a step of onOpen), and whose sends complete at once.
     */
    @SuppressWarnings("unchecked")
    private Session containerReadingDuringOnOpen(String firstFrame, List<String> sent) {
        MessageHandler.Whole<String>[] text = new MessageHandler.Whole[1];
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, m, args) -> {
                    if (m.getName().equals("sendText") && args.length == 2) {
                        sent.add((String) args[0]);
                        ((SendHandler) args[1]).onResult(new SendResult());
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "addMessageHandler":
                    if (args[0] == String.class) {
                        text[0] = (MessageHandler.Whole<String>) args[1];
                    }
                    return null;
                case "setMaxTextMessageBufferSize":
                    if (text[0] != null) {
                        text[0].onMessage(firstFrame); // the container read it meanwhile
                    }
                    return null;
                case "setMaxBinaryMessageBufferSize", "setMaxIdleTimeout":
                    return null;
                case "getAsyncRemote":
                    return async;
                case "isOpen":
                    return true;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "FakeSession";
                default:
                    throw new UnsupportedOperationException(m.getName());
            }
        });
    }
}
