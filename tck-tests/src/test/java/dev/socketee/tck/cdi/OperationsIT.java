package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import dev.socketee.tck.RawHttp;
import io.socket.client.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics on the server's own endpoints ({@link OperationsEndpoints}) after real
 * socket.io-client traffic: three clients on "/ops" (websocket, polling, default) show as 3
 * connected sockets, their events and disconnects are counted, and the gauge goes back to 0.
 */
class OperationsIT {

    private static final Map<String, String> OPS = Map.of("namespace", "/ops");

    @Test
    void readinessAndLivenessAreUpWithSocketeesChecks() throws Exception {
        JSONObject all = health("");
        assertEquals("UP", all.getString("status"), all.toString());
        JSONObject ready = check(health("/ready"), "socketee-readiness");
        assertEquals("UP", ready.getString("status"), ready.toString());
        assertEquals("serving", ready.getJSONObject("data").getString("servlet"), ready.toString());
        assertEquals("serving", ready.getJSONObject("data").getString("websocket"), ready.toString());
        JSONObject live = check(health("/live"), "socketee-liveness");
        assertEquals("UP", live.getString("status"), live.toString());
    }

    @Test
    void metricsFollowThreeClientsAndTheirEvents() {
        String before = OperationsEndpoints.scrape();
        double eventsIn = value(before, "socketee_events_in_total", Map.of());
        double left = leftOnTheirOwn(before);
        double opened = value(before, "socketee_engine_sessions_opened_total", Map.of("transport", "polling"))
                + value(before, "socketee_engine_sessions_opened_total", Map.of("transport", "websocket"));
        assertEquals(0, value(before, "socketee_sockets_connected", OPS), before);

        List<CdiClient> clients = new ArrayList<>();
        try {
            for (String[] transports : new String[][] {JavaClient.WEBSOCKET, JavaClient.POLLING, JavaClient.DEFAULT}) {
                CdiClient c = CdiClient.create("/ops", transports, null);
                clients.add(c);
                c.socket.connect();
                c.await(Socket.EVENT_CONNECT);
            }
            for (CdiClient c : clients) {
                assertEquals("x", c.ack("echo", "x")[0]);
                assertEquals("y", c.ack("echo", "y")[0]);
            }
            String during = OperationsEndpoints.scrape();
            assertEquals(3, value(during, "socketee_sockets_connected", OPS), during);
            assertTrue(value(during, "socketee_events_in_total", Map.of()) >= eventsIn + 6, during);
            assertTrue(value(during, "socketee_engine_sessions_opened_total", Map.of("transport", "polling"))
                    + value(during, "socketee_engine_sessions_opened_total", Map.of("transport", "websocket")) >= opened + 3, during);
            assertTrue(value(during, "socketee_engine_sessions", Map.of("transport", "websocket")) >= 1, during);
            assertTrue(value(during, "socketee_engine_bytes_in_total", Map.of()) > 0, during);
        } finally {
            clients.forEach(CdiClient::close);
        }
        awaitGauge("socketee_sockets_connected", OPS, 0);
        // the gauge and the counters are read apart (a socket leaves the namespace, then its going is
        // counted), so a scrape may show the socket gone before its disconnect: wait for the counters too
        String after = awaitScrape(text -> leftOnTheirOwn(text) >= left + 3, "three disconnects counted");
        assertTrue(leftOnTheirOwn(after) >= left + 3, after);
        assertTrue(value(after, "socketee_acks_pending", Map.of()) >= 0, after);
    }

    /**
     * Sockets whose client went away: a closing io.socket client sends its namespace DISCONNECT and
     * closes the connection at once, and which of the two the server handles first is up to the
     * container (Liberty has shown "transport close" for a polling client; a long-poll cut while parked
     * is node's "transport error").
     */
    private static double leftOnTheirOwn(String scrape) {
        return value(scrape, "socketee_socket_disconnects_total", Map.of("reason", "client namespace disconnect"))
                + value(scrape, "socketee_socket_disconnects_total", Map.of("reason", "transport close"))
                + value(scrape, "socketee_socket_disconnects_total", Map.of("reason", "transport error"));
    }

    /** Scrapes until the gauge shows {@code expected} (the clients' disconnects reach the server asynchronously). */
    private static String awaitGauge(String name, Map<String, String> labels, double expected) {
        return awaitScrape(text -> value(text, name, labels) == expected, name + labels + " at " + expected);
    }

    private static String awaitScrape(java.util.function.Predicate<String> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String text;
        do {
            text = OperationsEndpoints.scrape();
            if (done.test(text)) {
                return text;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // between scrapes, not a wait for the result
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not seen within 10 s: " + what + ":\n" + text);
    }

    private static double value(String text, String name, Map<String, String> labels) {
        double v = OperationsEndpoints.value(text, name, labels);
        if (v < 0) {
            throw new AssertionError("no " + name + labels + " in " + OperationsEndpoints.metrics() + ":\n" + text);
        }
        return v;
    }

    private static JSONObject health(String which) throws Exception {
        HttpResponse<String> r = RawHttp.get(OperationsEndpoints.health(which));
        assertEquals(200, r.statusCode(), () -> OperationsEndpoints.health(which) + ": " + r.body());
        return new JSONObject(r.body());
    }

    private static JSONObject check(JSONObject health, String name) throws Exception {
        JSONArray checks = health.getJSONArray("checks");
        for (int i = 0; i < checks.length(); i++) {
            if (name.equals(checks.getJSONObject(i).getString("name"))) {
                return checks.getJSONObject(i);
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }
}
