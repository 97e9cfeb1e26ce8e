package dev.socketee.tck.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import dev.socketee.tck.app.EmbeddedJetty;
import dev.socketee.tck.servers.ServerUnderTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens and drops a few thousand sessions of every kind a client can leave behind (abandoned
 * polling, a parked GET reset, websocket clean close and reset, polling upgraded then reset,
 * Socket.IO connections to {@code /} and to dynamic namespaces that join rooms) against a
 * Socket.IO server in this JVM with short heartbeats (300/200 ms), then waits until the server
 * holds nothing: no Engine.IO session, no socket, no room member, no dynamic namespace.
 */
class SoakIT {

    private static final String HOST = "127.0.0.1";
    private static final String PATH = "/socket.io/";
    private static final int SESSIONS_PER_KIND = 430;
    private static final int CLIENT_THREADS = 8;
    private static final Duration SOAK_LIMIT = Duration.ofSeconds(40);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);
    private static final Pattern DYNAMIC = Pattern.compile("^/dyn-\\d+$");
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    private static final Set<String> ROOMS = ConcurrentHashMap.newKeySet();
    private static final Set<String> SOCKET_IDS = ConcurrentHashMap.newKeySet();
    private static final ConcurrentLinkedQueue<String> FAILURES = new ConcurrentLinkedQueue<>();
    private static final Map<Kind, AtomicInteger> DONE = new ConcurrentHashMap<>();

    private static EmbeddedJetty jetty;
    private static SioServer io;
    private static int port;

    enum Kind {
        POLLING_ABANDONED, POLLING_PARKED_GET_RESET, WEBSOCKET_CLEAN_CLOSE, WEBSOCKET_RESET,
        POLLING_UPGRADE_RESET, SOCKETIO_ROOT_DISCONNECT, SOCKETIO_DYNAMIC_NAMESPACE
    }

    @BeforeAll
    static void soak() throws Exception {
        Assumptions.assumeFalse(ServerUnderTest.isExternal(), "reads the server's state in this JVM: embedded only");
        jetty = EmbeddedJetty.start(HOST, 0, context -> {
            io = new SioServer(EngineIoOptions.builder().path(PATH).pingInterval(Duration.ofMillis(300))
                    .pingTimeout(Duration.ofMillis(200)).build(), Duration.ofMillis(1000));
            io.namespace("/", new NamespaceHandlers().onConnect(SoakIT::joinRooms));
            io.namespacePattern(DYNAMIC, name -> new NamespaceHandlers().onConnect(SoakIT::joinRooms));
            io.attach(context);
        });
        port = jetty.port();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            long deadline = System.nanoTime() + SOAK_LIMIT.toNanos();
            for (int i = 0; i < SESSIONS_PER_KIND * Kind.values().length; i++) {
                Kind kind = Kind.values()[i % Kind.values().length];
                int n = i;
                clients.execute(() -> {
                    if (System.nanoTime() < deadline) {
                        run(kind, n);
                    }
                });
            }
        } finally {
            clients.shutdown();
            assertTrue(clients.awaitTermination(SOAK_LIMIT.toSeconds() + 10, TimeUnit.SECONDS), "clients did not finish");
        }
    }

    @AfterAll
    static void stop() {
        if (jetty != null) {
            jetty.close();
        }
    }

    private static void joinRooms(SioSocket socket, Object auth) {
        SOCKET_IDS.add(socket.id());
        String room = "room-" + Math.floorMod(socket.id().hashCode(), 8);
        ROOMS.add(room);
        ROOMS.add("everyone");
        socket.join(room);
        socket.join("everyone");
    }

    @Test
    void everyKindOfSessionRan() {
        assertEquals(List.of(), List.copyOf(FAILURES).subList(0, Math.min(10, FAILURES.size())), FAILURES.size() + " client failures");
        for (Kind kind : Kind.values()) {
            assertEquals(SESSIONS_PER_KIND, DONE.getOrDefault(kind, new AtomicInteger()).get(), kind + " sessions completed");
        }
    }

    @Test
    void noSessionSocketOrRoomMemberIsLeft() {
        awaitNothingLeft("Engine.IO sessions", () -> io.engine().connectionCount());
        awaitNothingLeft("Socket.IO sockets", () -> io.namespaces().stream().mapToInt(n -> n.sockets().size()).sum());
        awaitNothingLeft("room members", SoakIT::roomMembers);
    }

    @Test
    void noDynamicNamespaceIsLeft() {
        awaitNothingLeft("Engine.IO sessions", () -> io.engine().connectionCount());
        awaitNothingLeft("dynamic namespaces " + dynamicNamespaces(), () -> dynamicNamespaces().size());
    }

    private static List<String> dynamicNamespaces() {
        return io.namespaces().stream().map(Namespace::name).filter(n -> DYNAMIC.matcher(n).matches()).sorted().collect(Collectors.toList());
    }

    private static int roomMembers() {
        int members = 0;
        for (Namespace namespace : io.namespaces()) {
            for (String room : ROOMS) {
                members += namespace.members(room).size();
            }
            for (String id : SOCKET_IDS) {
                members += namespace.members(id).size();
            }
        }
        return members;
    }

    /** Polls {@code count} until it is zero; sessions end on their own within pingInterval + pingTimeout. */
    private static void awaitNothingLeft(String what, Supplier<Integer> count) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        int left = count.get();
        while (left != 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20); // the poll interval of a condition with a deadline, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = count.get();
        }
        assertEquals(0, left, what + " left " + DRAIN_LIMIT.toSeconds() + " s after the soak; per kind: " + new TreeMap<>(DONE));
    }

    // ---- the clients ---------------------------------------------------------------------------

    private static void run(Kind kind, int n) {
        try {
            switch (kind) {
                case POLLING_ABANDONED -> pollingHandshake();
                case POLLING_PARKED_GET_RESET -> parkedGetThenReset();
                case WEBSOCKET_CLEAN_CLOSE -> webSocket("/", true);
                case WEBSOCKET_RESET -> webSocket("/", false);
                case POLLING_UPGRADE_RESET -> upgradeThenReset();
                case SOCKETIO_ROOT_DISCONNECT -> connectThenDisconnect("/", n % 2 == 0);
                case SOCKETIO_DYNAMIC_NAMESPACE -> connectThenDisconnect("/dyn-" + n % 50, n % 2 == 0);
            }
            DONE.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        } catch (IOException | RuntimeException | AssertionError e) {
            FAILURES.add(kind + " #" + n + ": " + e);
        }
    }

    /** A polling handshake whose client never comes back. */
    private static String pollingHandshake() throws IOException {
        try (RawConnection c = RawConnection.open(HOST, port)) {
            String answer = c.sendGet(HOST, port, PATH + "?EIO=4&transport=polling").readToEnd();
            var m = SID.matcher(answer);
            if (!answer.startsWith("HTTP/1.1 200") || !m.find()) {
                throw new AssertionError("handshake answered " + answer);
            }
            return m.group(1);
        }
    }

    private static void parkedGetThenReset() throws IOException {
        String sid = pollingHandshake();
        RawConnection c = RawConnection.open(HOST, port);
        c.sendGet(HOST, port, PATH + "?EIO=4&transport=polling&sid=" + sid);
        boolean parked = c.silentFor(30);
        c.reset();
        if (!parked) {
            throw new AssertionError("the GET was answered at once");
        }
    }

    private static void webSocket(String namespace, boolean cleanClose) throws IOException {
        RawConnection c = RawConnection.open(HOST, port);
        try {
            expect(c.upgrade(HOST, port, PATH + "?EIO=4&transport=websocket"), "HTTP/1.1 101");
            expect(nextSkippingPings(c), "0{");
            connect(c, namespace);
            if (cleanClose) {
                c.sendClose();
                while (nextSkippingPings(c) != null) {
                    // until the server's close frame
                }
            }
        } finally {
            if (cleanClose) {
                c.close();
            } else {
                c.reset();
            }
        }
    }

    private static void upgradeThenReset() throws IOException {
        String sid = pollingHandshake();
        RawConnection c = RawConnection.open(HOST, port);
        try {
            expect(c.upgrade(HOST, port, PATH + "?EIO=4&transport=websocket&sid=" + sid), "HTTP/1.1 101");
            c.sendText("2probe");
            expect(nextSkippingPings(c), "3probe");
            c.sendText("5");
            connect(c, "/");
        } finally {
            c.reset();
        }
    }

    private static void connectThenDisconnect(String namespace, boolean cleanClose) throws IOException {
        RawConnection c = RawConnection.open(HOST, port);
        try {
            expect(c.upgrade(HOST, port, PATH + "?EIO=4&transport=websocket"), "HTTP/1.1 101");
            expect(nextSkippingPings(c), "0{");
            connect(c, namespace);
            c.sendText("/".equals(namespace) ? "41" : "41" + namespace + ",");
            if (cleanClose) {
                c.sendClose();
            }
        } finally {
            if (cleanClose) {
                c.close();
            } else {
                c.reset();
            }
        }
    }

    /** Socket.IO CONNECT to {@code namespace}; its handler joins two rooms before the answer. */
    private static void connect(RawConnection c, String namespace) throws IOException {
        boolean root = "/".equals(namespace);
        c.sendText(root ? "40" : "40" + namespace + ",");
        expect(nextSkippingPings(c), root ? "40{" : "40" + namespace + ",{");
    }

    private static String nextSkippingPings(RawConnection c) throws IOException {
        while (true) {
            String text = c.nextText();
            if (!"2".equals(text)) {
                return text;
            }
            c.sendText("3");
        }
    }

    private static void expect(String actual, String prefix) {
        if (actual == null || !actual.startsWith(prefix)) {
            throw new AssertionError("expected " + prefix + "..., got " + actual);
        }
    }
}
