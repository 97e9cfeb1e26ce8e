package dev.socketee.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in health and metrics endpoints on the runner, turned on as a user does, with system
 * properties read through MicroProfile Config ({@code -Dsocketee.metrics-path=/metrics
 * -Dsocketee.health-path=/health}): exact counts after one polling client's echo.
 */
class RunnerOperationsIT {

    @RegisterExtension
    static final HttpRunner RUNNER = new HttpRunner("operations", List.of("-Dsocketee.metrics-path=/metrics", "-Dsocketee.health-path=/health"));

    @Test
    void metricsCountOnePollingClientsEcho() throws Exception {
        assertTrue(EngineIoClient.pollingEchoAck(HttpRunner.HTTP, RUNNER.base(), "hi").startsWith("431[\"hi\"]"));
        HttpResponse<String> r = RUNNER.get("metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"), r.headers().toString());
        String text = r.body();
        for (String line : List.of("socketee_sockets_connected{namespace=\"/\"} 1", "socketee_engine_sessions{transport=\"polling\"} 1",
                "socketee_engine_sessions_opened_total{transport=\"polling\"} 1", "socketee_events_in_total 1",
                "socketee_socket_connects_total 1", "socketee_acks_pending 0")) {
            assertTrue(text.contains("\n" + line + "\n"), () -> line + " missing in\n" + text);
        }
    }

    @Test
    void healthIsUpWithReadinessAndLiveness() throws Exception {
        HttpResponse<String> all = RUNNER.get("health");
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().startsWith("{\"status\":\"UP\",\"checks\":["), all.body());
        assertTrue(all.body().contains("\"name\":\"socketee-readiness\",\"status\":\"UP\""), all.body());
        assertTrue(all.body().contains("\"name\":\"socketee-liveness\",\"status\":\"UP\""), all.body());
        HttpResponse<String> ready = RUNNER.get("health/ready");
        assertTrue(ready.body().contains("\"websocket\":\"serving\"") && !ready.body().contains("socketee-liveness"), ready.body());
        HttpResponse<String> live = RUNNER.get("health/live");
        assertTrue(live.body().contains("socketee-liveness") && !live.body().contains("socketee-readiness"), live.body());
    }
}
