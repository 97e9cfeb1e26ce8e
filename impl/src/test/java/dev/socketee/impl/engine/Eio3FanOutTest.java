package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.transport.Transport;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EngineWire;
import dev.socketee.impl.protocol.engine.v3.Eio3Wire;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A binary broadcast to Engine.IO v3 websockets: every base64 client ({@code b64=1}) is handed
 * the same "b4..." String, every binary client the same type-byte array, as v4 receivers share
 * one text frame ({@link FanOutTest}).
 */
class Eio3FanOutTest {

    private EngineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyV3ReceiverOfABinaryBroadcastGetsTheSameFrameInstance() {
        server = new EngineServer(EngineIoOptions.builder().allowEio3(true)
                .pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5)).build(),
                new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                    }
                }, EngineThreads.of(new ManualScheduler(), Runnable::run, Runnable::run), false);
        List<Framing> base64 = open(Eio3Wire.BASE64, FanOut.CHUNK + 3); // some written by a writer task, some here
        List<Framing> binary = open(Eio3Wire.BINARY, 3);
        List<Framing> all = new ArrayList<>(base64);
        all.addAll(binary);
        EnginePacket attachment = EnginePacket.binary(new byte[] {1, 2, 3});

        server.fanOut(() -> all.forEach(t -> t.session.send(attachment)));

        Object text = base64.get(0).frames.get(0);
        assertEquals("b4AQID", text);
        for (Framing t : base64) {
            assertSame(text, t.frames.get(0), "one base64 String for every b64 receiver");
        }
        Object bytes = binary.get(0).frames.get(0);
        assertArrayEquals(new byte[] {4, 1, 2, 3}, (byte[]) bytes);
        for (Framing t : binary) {
            assertSame(bytes, t.frames.get(0), "one type-byte frame for every binary receiver");
        }
    }

    private List<Framing> open(EngineWire wire, int n) {
        List<Framing> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Framing t = new Framing(wire);
            t.session = server.open(t, new HandshakeInfo(Map.of(), Map.of(), InetSocketAddress.createUnresolved("127.0.0.1", 1),
                    System.currentTimeMillis(), null, null), 3);
            t.session.onWritable(t); // writes the open packet and goes idle
            t.frames.clear();
            opened.add(t);
        }
        return opened;
    }

    /** A websocket that frames each packet as WebSocketTransport does for its wire, and completes its sends at once. */
    private static final class Framing implements Transport {
        final EngineWire wire;
        final List<Object> frames = new ArrayList<>();
        EngineSession session;

        Framing(EngineWire wire) {
            this.wire = wire;
        }

        @Override
        public String name() {
            return "websocket";
        }

        @Override
        public void send(List<EnginePacket> packets) {
            List<EnginePacket> batch = packets;
            while (batch != null) {
                for (EnginePacket p : batch) {
                    frames.add(p.isBinary() && wire.binaryFrames() ? wire.binaryFrame(p) : wire.textFrame(p));
                }
                batch = session.pollBatch(this);
            }
        }

        @Override
        public void close() {
        }
    }
}
