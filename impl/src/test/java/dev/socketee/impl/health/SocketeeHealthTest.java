package dev.socketee.impl.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.ManualScheduler;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readiness: servlet and WebSocket endpoint serving, broker connected; down once the application stops. */
class SocketeeHealthTest {

    private final EngineServer engine = new EngineServer(EngineIoOptions.builder().build(), new EngineIoListener() {
        @Override
        public void onOpen(EngineConnection c) {
        }

        @Override
        public void onMessage(EngineConnection c, String text) {
        }

        @Override
        public void onBinary(EngineConnection c, byte[] data) {
        }

        @Override
        public void onClose(EngineConnection c, String reason) {
        }
    });
    private final AtomicBoolean brokerUp = new AtomicBoolean(true);
    private final AdapterFactory cluster = new AdapterFactory() {
        @Override
        public dev.socketee.adapter.Adapter create(dev.socketee.adapter.NamespaceHost namespace) {
            return new InMemoryAdapter(namespace);
        }

        @Override
        public boolean isConnected() {
            return brokerUp.get();
        }
    };
    private final ManualScheduler timer = new ManualScheduler();
    private final SocketeeHealth health = new SocketeeHealth(engine, cluster, "redis", new TimerProbe(timer, 5_000).start());

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void readyOnceServingAndWhileTheBrokerIsConnected() {
        assertFalse(health.readiness().up(), "not before the servlet serves");
        health.serving(true, true);
        HealthCheckResult ready = health.readiness();
        assertTrue(ready.up(), ready.toString());
        assertEquals("serving", ready.data().get("websocket"));
        assertEquals("redis", ready.data().get("adapter"));
        brokerUp.set(false);
        ready = health.readiness();
        assertFalse(ready.up());
        assertEquals("redis (broker not connected)", ready.data().get("adapter"));
        brokerUp.set(true);
        assertTrue(health.readiness().up());
        health.stopped();
        assertFalse(health.readiness().up());
        assertFalse(health.liveness().up());
    }

    @Test
    void aMissingWebSocketEndpointIsNotReadyUnlessWebSocketIsOff() {
        health.serving(false, true);
        assertFalse(health.readiness().up());
        assertEquals("not registered", health.readiness().data().get("websocket"));
        health.serving(false, false);
        assertTrue(health.readiness().up());
        assertEquals("not configured", health.readiness().data().get("websocket"));
    }

    @Test
    void liveWhileTheTimerRuns() {
        timer.advanceMillis(60_000);
        assertTrue(health.liveness().up());
    }
}
