package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import io.socket.client.Ack;
import io.socket.client.Socket;
import dev.socketee.tck.RawHttp;
import dev.socketee.tck.servers.ServerUnderTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CDI programming model ({@link CdiServer}) with the official Java client io.socket:socket.io-client 2.1.2. */
class CdiJavaClientIT {

    static Stream<Arguments> transports() {
        return JavaClient.served(Stream.of(Arguments.of("websocket", JavaClient.WEBSOCKET), Arguments.of("polling", JavaClient.POLLING),
                Arguments.of("default", JavaClient.DEFAULT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void connectHandlerWelcomesAndKeepsTheUserInTheSession(String name, String[] transports) {
        try (CdiClient c = CdiClient.create("/", transports, Map.of("user", "bob"));
                CdiClient anon = CdiClient.create("/", transports, null)) {
            Object welcome = c.connectForWelcome();
            assertEquals(c.socket.id(), JavaClient.get(welcome, "id"));
            assertEquals("bob", JavaClient.get(welcome, "user"));
            assertEquals(2, ((JSONObject) welcome).length(), welcome::toString);
            Object anonWelcome = anon.connectForWelcome();
            assertEquals("anonymous", JavaClient.get(anonWelcome, "user"));
            assertEquals(anon.socket.id(), JavaClient.get(anonWelcome, "id"));
            assertArrayEquals(new Object[] {"bob"}, c.ack("session"));
            assertArrayEquals(new Object[] {"anonymous"}, anon.ack("session"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void badTokenIsRefusedWithMessageAndData(String name, String[] transports) {
        try (CdiClient c = CdiClient.create("/", transports, Map.of("token", "bad"))) {
            c.socket.connect();
            Object[] err = c.await(Socket.EVENT_CONNECT_ERROR);
            assertEquals(1, err.length);
            assertTrue(err[0] instanceof JSONObject, () -> "connect_error arg: " + err[0]);
            assertEquals("refused", JavaClient.get(err[0], "message"));
            assertEquals("{\"reason\":\"bad token\"}", JavaClient.get(err[0], "data").toString());
            assertFalse(c.socket.connected());
            assertEquals(List.of("connect_error[" + err[0] + "]"), c.log(null), "nothing but the connect_error");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void typedArgumentsAndRepliesAreBoundWithJsonB(String name, String[] transports) throws Exception {
        try (CdiClient c = CdiClient.create("/", transports, null)) {
            c.connectForWelcome();
            Object[] r1 = c.ack("typed", JavaClient.json("text", "hello", "n", 21));
            assertEquals(1, r1.length);
            assertEquals("{count=1, n=42, text=HELLO}", sorted(r1[0]));
            Object[] r2 = c.ack("typed", JavaClient.json("text", "é€", "n", -4));
            assertEquals("{count=2, n=-8, text=É€}", sorted(r2[0]));
            JSONArray list = new JSONArray("[{\"text\":\"a\",\"n\":1},{\"text\":\"b\",\"n\":2}]");
            assertArrayEquals(new Object[] {2, "b"}, c.ack("typed-list", list));
            assertArrayEquals(new Object[] {1, "two"}, c.ack("echo", 1, "two"));
            assertArrayEquals(new Object[] {2}, c.ack("request-scope"));
            assertArrayEquals(new Object[] {2}, c.ack("request-scope"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void roomsBetweenThreeClients(String name, String[] transports) {
        String room = "java-room-" + UUID.randomUUID();
        try (CdiClient a = CdiClient.create("/", transports, null);
                CdiClient b = CdiClient.create("/", transports, null);
                CdiClient c = CdiClient.create("/", transports, null)) {
            List<CdiClient> all = List.of(a, b, c);
            all.forEach(CdiClient::connectForWelcome);
            assertArrayEquals(new Object[] {sortedJson(a.socket.id(), room)}, toStrings(a.ack("join", room)));
            assertArrayEquals(new Object[] {sortedJson(b.socket.id(), room)}, toStrings(b.ack("join", room)));
            assertArrayEquals(new Object[] {sortedJson(a.socket.id(), b.socket.id())}, toStrings(c.ack("sockets-in", room)));

            // a -> room: only b (the sender is excluded, c is no member); marker "broadcast-all" k1 for everyone
            assertEquals(0, a.ack("to-room", room, "m1").length);
            marker(all, a, "k1", 1);
            // c -> room although no member: a and b
            c.ack("to-room", room, "m2");
            marker(all, a, "k2", 2);
            // b broadcasts: a and c
            b.ack("broadcast", "m3");
            marker(all, a, "k3", 3);
            // except the room: c only
            a.ack("except-room", room, "m4");
            marker(all, a, "k4", 4);
            // a -> c directly
            assertArrayEquals(new Object[] {true}, a.ack("to-socket", c.socket.id(), "m5"));
            marker(all, a, "k5", 5);
            // b leaves: a -> room reaches nobody
            assertArrayEquals(new Object[] {"[\"" + b.socket.id() + "\"]"}, toStrings(b.ack("leave", room)));
            a.ack("to-room", room, "m6");
            marker(all, a, "k6", 6);

            assertEquals(List.of("all-message[k1]", "room-message[m2]", "all-message[k2]", "broadcast-message[m3]",
                    "all-message[k3]", "all-message[k4]", "all-message[k5]", "all-message[k6]"), a.appLog());
            assertEquals(List.of("room-message[m1]", "all-message[k1]", "room-message[m2]", "all-message[k2]",
                    "all-message[k3]", "all-message[k4]", "all-message[k5]", "all-message[k6]"), b.appLog());
            assertEquals(List.of("all-message[k1]", "all-message[k2]", "broadcast-message[m3]", "all-message[k3]",
                    "except-message[m4]", "all-message[k4]", "direct-message[m5]", "all-message[k5]",
                    "all-message[k6]"), c.appLog());
        }
    }

    /** "broadcast-all" from {@code from}, then waits until every client has the n-th all-message (the marker). */
    private static void marker(List<CdiClient> all, CdiClient from, String marker, int n) {
        from.ack("broadcast-all", marker);
        for (CdiClient c : all) assertArrayEquals(new Object[] {marker}, c.awaitNth("all-message", n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void serverToClientAck(String name, String[] transports) {
        try (CdiClient c = CdiClient.create("/", transports, null)) {
            c.socket.on("question", args -> {
                if ("q1?".equals(args[0])) ((Ack) args[args.length - 1]).call("yes");
                else if ("q2?".equals(args[0])) ((Ack) args[args.length - 1]).call("sure", 2, JavaClient.json("x", 3));
            });
            c.connectForWelcome();
            c.socket.emit("ask-client", "q1?", 2000);
            assertArrayEquals(new Object[] {"yes", 1}, c.await("answer"));
            c.socket.emit("ask-client", "q2?", 2000);
            assertArrayEquals(new Object[] {"sure", 3}, c.awaitNth("answer", 2));
            Object[] q = c.await("question");
            assertEquals(2, q.length);
            assertEquals("q1?", q[0]);
            assertTrue(q[1] instanceof Ack, () -> "the question carries no ack: " + c.log(null));
        }
    }

    @Test
    void serverToClientAckTimesOut() {
        try (CdiClient c = CdiClient.create("/", JavaClient.WEBSOCKET, null)) {
            c.connectForWelcome();
            c.socket.emit("ask-client", "never answered", 200);
            assertArrayEquals(new Object[] {"TimeoutException"}, c.await("answer-timeout"));
            assertEquals(List.of("question[never answered, ack]", "answer-timeout[TimeoutException]"),
                    c.appLog().stream().map(s -> s.replaceAll("io\\.socket\\.client\\.Socket\\$\\S+?(?=\\])", "ack"))
                            .toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void binaryIsReversed(String name, String[] transports) {
        try (CdiClient c = CdiClient.create("/", transports, null)) {
            c.connectForWelcome();
            for (int n : new int[] {1, 5, 100_000}) {
                byte[] data = new byte[n];
                for (int i = 0; i < n; i++) data[i] = (byte) (i * 31 + 7);
                byte[] reversed = new byte[n];
                for (int i = 0; i < n; i++) reversed[i] = data[n - 1 - i];
                Object[] reply = c.ack("binary", (Object) data);
                assertEquals(1, reply.length);
                assertEquals(n, JavaClient.get(reply[0], "length"));
                Object r = JavaClient.get(reply[0], "reversed");
                assertTrue(r instanceof byte[], () -> "reversed: " + r);
                assertArrayEquals(reversed, (byte[]) r);
                assertEquals(2, ((JSONObject) reply[0]).length());
            }
        }
    }

    /** A JSONObject as text with sorted keys (org.json's key order is not the wire order). */
    private static String sorted(Object jsonObject) {
        JSONObject o = (JSONObject) jsonObject;
        java.util.TreeMap<String, Object> m = new java.util.TreeMap<>();
        o.keys().forEachRemaining(k -> m.put((String) k, JavaClient.get(o, (String) k)));
        return m.toString();
    }

    private static String sortedJson(String... items) {
        return new JSONArray(Stream.of(items).sorted().toList()).toString();
    }

    private static Object[] toStrings(Object[] args) {
        return Stream.of(args).map(Object::toString).toArray();
    }

    /**
     * Issue 10 item 16: a disconnect handler run by a ping timeout (a timer, not a request) sees
     * the CDI request context, and java:comp as a handler on a container thread does (its
     * callback threads come from the container's managed thread factory). The embedded Jetty +
     * Weld has no managed thread factory and binds no java:comp/BeanManager: there both see
     * NameNotFoundException. A raw polling client joins "/" and then never answers a ping.
     */
    @Test
    @org.junit.jupiter.api.Tag("polling")
    void disconnectHandlerAfterAPingTimeoutSeesTheRequestContextAndNaming() {
        String base = CdiTestServer.baseUrl() + "/socket.io/?EIO=4&transport=polling";
        HttpResponse<String> open = RawHttp.get(URI.create(base));
        assertEquals(200, open.statusCode(), open::body);
        URI session = URI.create(base + "&sid=" + RawHttp.sidOf(open.body()));
        assertEquals("ok", RawHttp.post(session, "40").body());
        String connected = RawHttp.packets(RawHttp.get(session).body()).get(0);
        assertTrue(connected.startsWith("40{\"sid\":\""), connected);
        String socketId = RawHttp.sidOf(connected);
        // never a pong: long-polls until the close packet or the session is gone (ping 1 s + timeout 1 s)
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (;;) {
            HttpResponse<String> poll = RawHttp.get(session);
            if (poll.statusCode() != 200 || RawHttp.packets(poll.body()).contains("1")) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "no ping timeout within 10 s");
        }
        try (CdiClient observer = CdiClient.create("/", JavaClient.WEBSOCKET, null)) {
            observer.connectForWelcome();
            Object seen = JSONObject.NULL;
            while (seen == JSONObject.NULL && System.nanoTime() < deadline) { // the handler may still be on its way
                seen = observer.ack("disconnect-context", socketId)[0];
            }
            String actual = String.valueOf(seen);
            String onRequestThread = (String) observer.ack("thread-context")[0];
            assertTrue(onRequestThread.startsWith("request=true java:comp="), onRequestThread);
            if (ServerUnderTest.name().equals("liberty")) {
                // the suite's Liberty has no concurrent-3.0, hence no managed thread factory: plain threads
                assertTrue(actual.startsWith("ping timeout: request=true"), () -> "disconnect handler saw: " + actual);
            } else {
                assertEquals("ping timeout: " + onRequestThread, actual, "what a handler on a container thread sees");
            }
        }
    }
}
