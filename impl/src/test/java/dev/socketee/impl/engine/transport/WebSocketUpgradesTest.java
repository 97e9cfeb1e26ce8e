package dev.socketee.impl.engine.transport;

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
        assertSame(JAKARTA, WebSocketUpgrades.choose(null, null, null, () -> JAKARTA));
        assertSame(JAKARTA, WebSocketUpgrades.choose(" ", null, null, () -> JAKARTA));
        assertSame(JAKARTA, WebSocketUpgrades.choose("Jakarta", null, null, () -> JAKARTA));
    }

    @Test
    void jettyCoreOnAnotherServerFallsBackToJakarta() {
        ServletContext notJetty = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, m, a) -> null);
        assertSame(JAKARTA, WebSocketUpgrades.choose("jetty-core", notJetty, null, () -> JAKARTA));
    }

    @Test
    void anUnknownValueIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketUpgrades.choose("tyrus", null, null, () -> JAKARTA));
    }
}
