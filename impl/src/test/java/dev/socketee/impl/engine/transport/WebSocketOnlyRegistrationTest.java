package dev.socketee.impl.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineThreads;
import dev.socketee.impl.engine.HandshakeAdmission;
import dev.socketee.impl.engine.ManualScheduler;
import dev.socketee.impl.engine.transport.websocket.FakeWebSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The websocket-only registration against a fake container: two endpoints at the engine path,
 * the servlet's checks in {@code modifyHandshake}, and what a connection then gets: an Engine.IO
 * session opened over the websocket, or a close 1008 with node's message, sent on the callback
 * executor once onOpen has returned (callbacks queue here and run when the test says).
 */
class WebSocketOnlyRegistrationTest {

    private final ArrayDeque<Runnable> callbacks = new ArrayDeque<>();
    private final List<EngineConnection> opened = new ArrayList<>();
    private final List<ServerEndpointConfig> registered = new ArrayList<>();
    private EngineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private EngineServer server(EngineIoOptions.Builder options) {
        server = new EngineServer(options.pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5)).build(),
                new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection c) {
                        opened.add(c);
                    }

                    @Override
                    public void onClose(EngineConnection c, String reason) {
                    }
                }, EngineThreads.of(new ManualScheduler(), callbacks::add), false);
        return server;
    }

    private void register(EngineIoOptions.Builder options, HandshakeAdmission admission) {
        WebSocketOnlyRegistration.register(container(null), server(options), admission);
    }

    private void register(EngineIoOptions.Builder options) {
        register(options, handshake -> null);
    }

    private void runCallbacks() {
        for (Runnable r; (r = callbacks.poll()) != null; ) {
            r.run();
        }
    }

    // ---- registration --------------------------------------------------------------------------

    @Test
    void registersOneEndpointAtThePathAndOneWithTheTrailingSlash() {
        register(EngineIoOptions.builder().path("/engine"));
        assertEquals(List.of("/engine", "/engine/"), registered.stream().map(ServerEndpointConfig::getPath).toList());
        for (ServerEndpointConfig c : registered) {
            assertSame(WebSocketOnlyRegistration.Direct.class, c.getEndpointClass());
            assertInstanceOf(WebSocketOnlyRegistration.Direct.class,
                    assertDoesNotThrowInstance(c, WebSocketOnlyRegistration.Direct.class));
        }
    }

    private static Object assertDoesNotThrowInstance(ServerEndpointConfig c, Class<?> type) {
        try {
            return c.getConfigurator().getEndpointInstance(type);
        } catch (InstantiationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aServerWithoutTheWebsocketTransportIsRefused() {
        EngineServer polling = server(EngineIoOptions.builder().transports(Set.of(EngineIoOptions.POLLING)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebSocketOnlyRegistration.register(container(null), polling, h -> null));
        assertTrue(e.getMessage().contains("websocket"), e.getMessage());
        assertTrue(registered.isEmpty());
    }

    @Test
    void aContainerThatRefusesTheEndpointFailsTheRegistrationNamingThePath() {
        EngineServer s = server(EngineIoOptions.builder().path("/engine"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebSocketOnlyRegistration.register(container(new DeploymentException("taken")), s, h -> null));
        assertEquals("Could not register the WebSocket endpoint at /engine", e.getMessage());
        assertInstanceOf(DeploymentException.class, e.getCause());
    }

    @Test
    void noExtensionIsNegotiatedWithoutPerMessageDeflate() {
        register(EngineIoOptions.builder().perMessageDeflate(false));
        List<Extension> requested = List.of(extension("permessage-deflate"));
        assertEquals(List.of(), registered.get(0).getConfigurator().getNegotiatedExtensions(requested, requested));
    }

    // ---- handshakes that open a session ----------------------------------------------------------

    @Test
    void aWebsocketHandshakeOpensASessionOverTheWebsocket() {
        register(EngineIoOptions.builder());
        FakeRequest request = new FakeRequest("EIO=4&transport=websocket").header("User-Agent", "test").remote("10.0.0.7", 4711);
        FakeWebSocket ws = connect(request);
        assertEquals(1, opened.size());
        EngineConnection c = opened.get(0);
        assertEquals("websocket", c.transport());
        assertEquals(List.of("test"), c.handshakeHeaders().get("user-agent"), "header names lower-cased");
        assertEquals(InetSocketAddress.createUnresolved("10.0.0.7", 4711), c.remoteAddress(), "read from the container's request by name");
        assertTrue(ws.sent().get(0).startsWith("0{\"sid\":\"" + c.id() + "\""), ws.sent().toString());
        runCallbacks();
        assertNull(ws.closed(), "not closed");
    }

    @Test
    void aRequestWithoutARemoteAddressGetsTheUnknownOne() {
        register(EngineIoOptions.builder());
        connect(new FakeRequest("EIO=4&transport=websocket"));
        assertEquals(InetSocketAddress.createUnresolved("0.0.0.0", 0), opened.get(0).remoteAddress());
    }

    @Test
    void anOriginLetInByTheWildcardOnlyLosesTheCookies() {
        register(EngineIoOptions.builder().allowedOrigins(List.of("*")));
        connect(new FakeRequest("EIO=4&transport=websocket").header("Origin", "https://elsewhere.example")
                .header("Host", "localhost:3000").header("Cookie", "a=1"));
        assertFalse(opened.get(0).handshakeHeaders().containsKey("cookie"));
    }

    @Test
    void theServersOwnOriginKeepsTheCookies() {
        register(EngineIoOptions.builder());
        connect(new FakeRequest("EIO=4&transport=websocket").header("Origin", "http://localhost:3000")
                .header("Host", "localhost:3000").header("Cookie", "a=1"));
        assertEquals(List.of("a=1"), opened.get(0).handshakeHeaders().get("cookie"));
    }

    @Test
    void anEio3HandshakeIsServedWithAllowEio3() {
        register(EngineIoOptions.builder().allowEio3(true));
        FakeWebSocket ws = connect(new FakeRequest("EIO=3&transport=websocket"));
        assertEquals(1, opened.size());
        assertTrue(ws.sent().get(0).startsWith("0{\"sid\":"), ws.sent().toString());
    }

    // ---- refused handshakes ----------------------------------------------------------------------

    @Test
    void anotherTransportIsRefusedWithTransportUnknown() {
        register(EngineIoOptions.builder());
        assertRefused(new FakeRequest("EIO=4&transport=polling"), "Transport unknown");
    }

    @Test
    void aForeignOriginIsRefusedWithForbidden() {
        register(EngineIoOptions.builder().allowedOrigins(List.of("https://app.example")));
        assertRefused(new FakeRequest("EIO=4&transport=websocket").header("Origin", "https://evil.example")
                .header("Host", "localhost:3000"), "Forbidden");
    }

    @Test
    void eio3WithoutAllowEio3IsAnUnsupportedProtocolVersion() {
        register(EngineIoOptions.builder());
        assertRefused(new FakeRequest("EIO=3&transport=websocket"), "Unsupported protocol version");
    }

    @Test
    void aClosedServerRefusesWhileShuttingDown() {
        register(EngineIoOptions.builder());
        server.close();
        assertRefused(new FakeRequest("EIO=4&transport=websocket"), "server shutting down");
    }

    @Test
    void theAdmissionsRefusalClosesWithItsMessage() {
        register(EngineIoOptions.builder(), handshake -> new HandshakeAdmission.Refusal(403, "too many connections"));
        assertRefused(new FakeRequest("EIO=4&transport=websocket"), "too many connections");
    }

    @Test
    void anAdmissionThatThrowsRefusesWithForbidden() {
        register(EngineIoOptions.builder(), handshake -> {
            throw new IllegalStateException("admission broken");
        });
        assertRefused(new FakeRequest("EIO=4&transport=websocket"), "Forbidden");
    }

    @Test
    void aSidNamesAPollingSessionThatCannotExistHere() {
        register(EngineIoOptions.builder());
        assertRefused(new FakeRequest("EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA"), "Session ID unknown");
    }

    @Test
    void aConnectionWithoutAHandshakeDecisionIsABadRequestClosedAtOnce() {
        register(EngineIoOptions.builder());
        FakeWebSocket ws = new FakeWebSocket();
        new WebSocketOnlyRegistration.Direct().onOpen(ws.session(), registered.get(0));
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, ws.closed().getCloseCode());
        assertEquals("Bad request", ws.closed().getReasonPhrase());
        assertTrue(callbacks.isEmpty(), "no engine to hand it to");
    }

    /** Refused: the websocket opens, nothing is sent, and it is closed 1008 only when the callbacks run. */
    private void assertRefused(FakeRequest request, String message) {
        FakeWebSocket ws = connect(request);
        assertTrue(opened.isEmpty(), "no session");
        assertNull(ws.closed(), "not closed inside onOpen");
        runCallbacks();
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, ws.closed().getCloseCode());
        assertEquals(message, ws.closed().getReasonPhrase());
        assertEquals(List.of(), ws.sent());
    }

    /** What the container does for one connection: modifyHandshake, then a new endpoint's onOpen. */
    private FakeWebSocket connect(FakeRequest request) {
        ServerEndpointConfig config = registered.get(0);
        config.getConfigurator().modifyHandshake(config, request, null);
        FakeWebSocket ws = new FakeWebSocket();
        WebSocketOnlyRegistration.Direct endpoint =
                (WebSocketOnlyRegistration.Direct) assertDoesNotThrowInstance(config, WebSocketOnlyRegistration.Direct.class);
        ws.endpoint(endpoint);
        endpoint.onOpen(ws.session(), config);
        return ws;
    }

    // ---- fakes ---------------------------------------------------------------------------------

    /** A container that keeps what is registered, or refuses with {@code failure}. */
    private ServerContainer container(DeploymentException failure) {
        return (ServerContainer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServerContainer.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("addEndpoint") && args[0] instanceof ServerEndpointConfig c) {
                        if (failure != null) {
                            throw failure;
                        }
                        registered.add(c);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static Extension extension(String name) {
        return new Extension() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public List<Parameter> getParameters() {
                return List.of();
            }
        };
    }

    /**
     * A handshake request; like Tyrus's, it may have {@code getRemoteAddr()}/{@code getRemotePort()},
     * which the registration asks for by name (public, so reflection may call them).
     */
    public static final class FakeRequest implements HandshakeRequest {
        private final String query;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String remoteAddr;
        private Integer remotePort;

        FakeRequest(String query) {
            this.query = query;
        }

        FakeRequest header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        FakeRequest remote(String addr, int port) {
            remoteAddr = addr;
            remotePort = port;
            return this;
        }

        public String getRemoteAddr() {
            return remoteAddr;
        }

        public Integer getRemotePort() {
            return remotePort;
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public URI getRequestURI() {
            return URI.create("ws://localhost:3000/socket.io/?" + query);
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public Object getHttpSession() {
            return null;
        }

        @Override
        public Map<String, List<String>> getParameterMap() {
            return Map.of();
        }

        @Override
        public String getQueryString() {
            return query;
        }
    }
}
