package dev.socketee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.sio.NamespaceHandlers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin namespace as the official UI speaks to it (@socket.io/admin-ui 0.5.1's events and commands). */
class AdminProtocolTest {

    private final AdminHarness h = new AdminHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    private void appNamespace() {
        h.io.namespace("/", new NamespaceHandlers()
                .onConnect((s, auth) -> s.join("lobby"))
                .on("hello", (s, e, args, ack) -> s.emit("hi", "there"))
                .on("join", (s, e, args, ack) -> s.join("game")));
    }

    /** The app namespace, the admin UI with {@code options}, and one application client connected. */
    private AdminHarness.Connection startWithAppClient(AdminUiOptions options) throws InterruptedException {
        appNamespace();
        h.start(options);
        return h.app();
    }

    @Test
    void aWrongPasswordOrUserOrNoneIsRefusedWithNodesMessage() throws Exception {
        h.start(AdminHarness.options(false, true));
        for (String auth : List.of("{\"username\":\"admin\",\"password\":\"wrong\"}", "{\"username\":\"root\",\"password\":\"admin-secret\"}",
                "{}", "{\"sessionId\":\"0123456789abcdef\"}", "{\"username\":\"admin\",\"password\":42}")) {
            AdminHarness.Connection c = h.open();
            c.send("40/admin," + auth);
            assertEquals("44/admin,{\"message\":\"invalid credentials\"}", c.awaitPrefix("44/admin,"), auth);
        }
        AdminHarness.Connection none = h.open();
        none.send("40/admin,");
        assertEquals("44/admin,{\"message\":\"invalid credentials\"}", none.awaitPrefix("44/admin,"));
        assertNull(h.io.observer(), "nothing captured: no admin got in");
    }

    @Test
    void anAdminGetsASessionTheConfigStatsAndAllSocketsWithTheirRooms() throws Exception {
        AdminHarness.Connection app = startWithAppClient(AdminHarness.options(false, true));
        String sid = app.sid;

        AdminHarness.Connection admin = h.admin();
        String session = (String) admin.awaitAdminEvent("session").get(0);
        assertTrue(session.matches("[0-9a-f]{16}"), session);
        assertEquals(List.of(Map.of("supportedFeatures", List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT",
                "AGGREGATED_EVENTS", "ALL_EVENTS"))), admin.awaitAdminEvent("config"));
        Map<?, ?> stats = (Map<?, ?>) admin.awaitAdminEvent("server_stats").get(0);
        assertEquals("node-1", stats.get("serverId"));
        assertEquals(2L, ((Number) stats.get("clientsCount")).longValue());
        assertTrue(((List<?>) stats.get("namespaces")).contains(Map.of("name", "/", "socketsCount", 1)), stats::toString);

        List<?> sockets = (List<?>) admin.awaitAdminEvent("all_sockets").get(0);
        Map<?, ?> s = (Map<?, ?>) sockets.stream().filter(x -> sid.equals(((Map<?, ?>) x).get("id"))).findFirst().orElseThrow();
        assertEquals("/", s.get("nsp"));
        assertEquals("websocket", s.get("transport"));
        assertEquals(app.session().id().substring(0, 12), s.get("clientId"));
        assertEquals(java.util.Set.of(sid, "lobby"), java.util.Set.copyOf((List<?>) s.get("rooms")));
        Map<?, ?> handshake = (Map<?, ?>) s.get("handshake");
        assertEquals(Map.of("user-agent", "test"), handshake.get("headers"));
        assertFalse(handshake.containsKey("auth"), "the auth (a token maybe) is not shown");

        AdminHarness.Connection again = h.open(); // the UI reconnects with its session id, no password
        again.send("40/admin,{\"sessionId\":\"" + session + "\"}");
        again.awaitPrefix("40/admin,{");
        again.awaitAdminEvent("config");
        assertFalse(again.hasAdminEvent("session"), "no new session for a known one");
    }

    @Test
    void whileAnAdminWatchesSocketsRoomsAndEventsAreStreamedAndNotBeforeNorAfter() throws Exception {
        appNamespace();
        h.start(AdminHarness.options(false, true));
        AdminHarness.Connection early = h.open();
        early.send("40");
        early.awaitPrefix("40{");
        assertNull(h.io.observer(), "no admin: nothing is captured");

        AdminHarness.Connection admin = h.admin();
        assertNotNull(h.io.observer());
        AdminHarness.Connection app = h.app();
        String sid = app.sid;
        List<Object> connected = admin.awaitAdminEvent("socket_connected", a -> sid.equals(((Map<?, ?>) a.get(0)).get("id")));
        assertEquals("2026-12-01T14:00:00.250Z", connected.get(1));

        app.send("42[\"hello\",{\"a\":1}]");
        assertEquals(List.of("/", sid, List.of("hello", Map.of("a", 1)), "2026-12-01T14:00:00.250Z"), admin.awaitAdminEvent("event_received"));
        assertEquals(List.of("/", sid, List.of("hi", "there"), "2026-12-01T14:00:00.250Z"), admin.awaitAdminEvent("event_sent"));

        app.send("42[\"join\"]");
        assertEquals(List.of("/", "game", sid, "2026-12-01T14:00:00.250Z"), admin.awaitAdminEvent("room_joined"));

        app.drop();
        assertEquals(List.of("/", sid, "transport close", "2026-12-01T14:00:00.250Z"), admin.awaitAdminEvent("socket_disconnected"));
        admin.awaitAdminEvent("room_left", a -> a.get(1).equals("game"));
        admin.awaitAdminEvent("room_left", a -> a.get(1).equals("lobby"));

        admin.drop();
        assertNull(h.io.observer(), "the last admin left: nothing is captured any more");
    }

    @Test
    void statsComeEveryTickWhileWatchedWithTheCountsOfEachSecond() throws Exception {
        h.start(AdminHarness.options(false, false));
        h.tick(); // nobody watches: no stats, nothing counted
        AdminHarness.Connection admin = h.admin();
        assertEquals(List.of(Map.of("supportedFeatures", List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT",
                "AGGREGATED_EVENTS"))), admin.awaitAdminEvent("config"), "production mode: no ALL_EVENTS");
        AdminHarness.Connection app = h.open();
        app.send("40/admin,{}");
        app.awaitPrefix("44/admin,");
        app.drop();
        int before = admin.received().size();
        h.tick();
        Map<?, ?> stats = (Map<?, ?>) admin.awaitAdminEvent("server_stats", a -> ((List<?>) ((Map<?, ?>) a.get(0)).get("aggregatedEvents")).size() > 0).get(0);
        List<?> events = (List<?>) stats.get("aggregatedEvents");
        assertTrue(events.contains(Map.of("timestamp", 1796133600000L, "type", "rawConnection", "count", 1)), events::toString);
        assertTrue(events.contains(Map.of("timestamp", 1796133600000L, "type", "rawDisconnection", "subType", "transport close", "count", 1)), events::toString);
        assertTrue(events.stream().anyMatch(e -> "packetsIn".equals(((Map<?, ?>) e).get("type"))), events::toString);
        assertTrue(events.stream().anyMatch(e -> "bytesOut".equals(((Map<?, ?>) e).get("type"))), events::toString);
        assertTrue(admin.received().size() > before);
        assertFalse(admin.received().stream().anyMatch(t -> t.contains("socket_connected")), "production mode: no socket events");
    }

    @Test
    void theUisCommandsDisconnectJoinLeaveAndEmitTheTargetedSockets() throws Exception {
        AdminHarness.Connection app = startWithAppClient(AdminHarness.options(false, true));
        String sid = app.sid;
        AdminHarness.Connection admin = h.admin();

        admin.send("42/admin,[\"join\",\"/\",\"vip\",\"" + sid + "\"]");
        assertTrue(h.io.namespace("/").socket(sid).rooms().contains("vip"));
        admin.send("42/admin,[\"leave\",\"/\",\"lobby\",\"" + sid + "\"]");
        assertFalse(h.io.namespace("/").socket(sid).rooms().contains("lobby"));
        admin.send("42/admin,[\"emit\",\"/\",\"vip\",\"news\",1,\"two\"]");
        assertEquals("42[\"news\",1,\"two\"]", app.awaitPrefix("42[\"news\""));
        admin.send("42/admin,[\"_disconnect\",\"/\",false,\"" + sid + "\"]");
        assertEquals("41", app.awaitPrefix("41"), "the socket got its DISCONNECT");
        assertNull(h.io.namespace("/").socket(sid));
        admin.send("42/admin,[\"_disconnect\",\"/nowhere\",false,null]"); // no such namespace: ignored
    }

    @Test
    void readOnlyAnnouncesNoCommandAndIgnoresThem() throws Exception {
        AdminHarness.Connection app = startWithAppClient(AdminHarness.options(true, true));
        String sid = app.sid;
        AdminHarness.Connection admin = h.admin();
        assertEquals(List.of(Map.of("supportedFeatures", List.of("AGGREGATED_EVENTS", "ALL_EVENTS"))), admin.awaitAdminEvent("config"));

        admin.send("42/admin,[\"_disconnect\",\"/\",true,\"" + sid + "\"]");
        admin.send("42/admin,[\"join\",\"/\",\"vip\",\"" + sid + "\"]");
        admin.send("42/admin,[\"emit\",\"/\",null,\"news\"]");
        assertTrue(h.io.namespace("/").socket(sid).isConnected(), "read-only: _disconnect refused");
        assertFalse(h.io.namespace("/").socket(sid).rooms().contains("vip"));
        assertFalse(app.received().stream().anyMatch(t -> t.startsWith("41") || t.contains("news")), app.received()::toString);
    }
}
