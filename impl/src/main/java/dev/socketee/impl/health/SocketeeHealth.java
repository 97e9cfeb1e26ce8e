package dev.socketee.impl.health;

import dev.socketee.adapter.AdapterFactory;
import dev.socketee.impl.engine.EngineServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of one running server, as MicroProfile Health asks it (and the built-in
 * {@code /health} endpoint answers it): <b>readiness</b> is up once the servlet serves and the
 * WebSocket endpoint is registered, and, with a cluster adapter, while its broker is connected;
 * <b>liveness</b> is up while the engine's timers run ({@link TimerProbe}).
 */
public final class SocketeeHealth {

    private final EngineServer engine;
    private final AdapterFactory adapters;
    private final String adapterName;
    private final TimerProbe probe;
    private volatile boolean servletServing;
    private volatile boolean websocketServing;
    private volatile boolean websocketExpected = true;

    public SocketeeHealth(EngineServer engine, AdapterFactory adapters, String adapterName, TimerProbe probe) {
        this.engine = engine;
        this.adapters = adapters;
        this.adapterName = adapterName;
        this.probe = probe;
    }

    /** The servlet has started (its {@code init} passed); {@code websocket}: the endpoint was registered. */
    public void serving(boolean websocket, boolean websocketExpected) {
        this.websocketServing = websocket;
        this.websocketExpected = websocketExpected;
        this.servletServing = true;
    }

    /** The application stops: not ready any more. */
    public void stopped() {
        servletServing = false;
        websocketServing = false;
        probe.stop();
    }

    public HealthCheckResult readiness() {
        boolean servlet = servletServing && !engine.isClosed();
        boolean websocket = websocketServing || !websocketExpected;
        boolean broker = adapters.isConnected();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("path", engine.options().path());
        data.put("servlet", servlet ? "serving" : "not serving");
        data.put("websocket", !websocketExpected ? "not configured" : websocketServing ? "serving" : "not registered");
        data.put("adapter", adapterName + (broker ? "" : " (broker not connected)"));
        data.put("sessions", String.valueOf(engine.connectionCount()));
        return new HealthCheckResult("socketee-readiness", servlet && websocket && broker, data);
    }

    public HealthCheckResult liveness() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("timer-last-run-ms-ago", String.valueOf(probe.millisSinceLastRun()));
        return new HealthCheckResult("socketee-liveness", probe.isRunning() && !engine.isClosed(), data);
    }
}
