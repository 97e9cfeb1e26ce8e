package dev.socketee.impl.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The choice of websocket implementation; Jetty core itself is exercised by the embedded ITs. */
class WebSocketUpgradesTest {

    private static final WebSocketUpgrade JAKARTA = (req, resp, handshake, sid, wire) -> { };

    @Test
    void jakartaByDefaultAndWhenAskedFor() {
        assertSame(JAKARTA, WebSocketUpgrades.choose(null, null, null, null, () -> JAKARTA));
        assertSame(JAKARTA, WebSocketUpgrades.choose(" ", null, null, null, () -> JAKARTA));
        assertSame(JAKARTA, WebSocketUpgrades.choose("Jakarta", null, null, null, () -> JAKARTA));
    }

    @Test
    void jettyCoreOnAnotherServerFallsBackToJakarta() {
        ServletContext notJetty = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, m, a) -> null);
        assertSame(JAKARTA, WebSocketUpgrades.choose("jetty-core", null, notJetty, null, () -> JAKARTA));
    }

    @Test
    void anUnknownValueIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketUpgrades.choose("tyrus", null, null, null, () -> JAKARTA));
    }

    @Test
    void ioThreadIsTrueFalseOrNothing() {
        assertEquals(false, WebSocketUpgrades.ioThread(null));
        assertEquals(false, WebSocketUpgrades.ioThread(" "));
        assertEquals(false, WebSocketUpgrades.ioThread("false"));
        assertEquals(true, WebSocketUpgrades.ioThread(" TRUE "));
        assertThrows(IllegalArgumentException.class, () -> WebSocketUpgrades.ioThread("yes"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketUpgrades.choose("jetty-core", "on", null, null, () -> JAKARTA));
    }

    @Test
    void ioThreadOnTheJakartaEndpointIsIgnored() {
        assertSame(JAKARTA, WebSocketUpgrades.choose("jakarta", "true", null, null, () -> JAKARTA));
    }
}
