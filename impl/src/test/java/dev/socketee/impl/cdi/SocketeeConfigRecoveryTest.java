package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.RecoveryOptions;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** socketee.recovery.*: off unless the window is set, node's defaults otherwise. */
class SocketeeConfigRecoveryTest {

    private static SocketeeConfig load(Map<String, String> init) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) ->
                        method.getName().equals("getInitParameter") ? init.get((String) args[0]) : null);
        return SocketeeConfig.load(context);
    }

    @Test
    void offByDefault() {
        assertNull(load(Map.of()).recovery());
    }

    @Test
    void theWindowTurnsItOnWithNodesDefaults() {
        RecoveryOptions r = load(Map.of("socketee.recovery.max-disconnection-duration", "120000")).recovery();
        assertEquals(Duration.ofMinutes(2), r.maxDisconnectionDuration());
        assertTrue(r.skipMiddlewares());
        assertEquals(RecoveryOptions.DEFAULT_MAX_SESSIONS, r.maxSessions());
        assertEquals(RecoveryOptions.DEFAULT_MAX_PACKETS, r.maxPackets());
        assertEquals(RecoveryOptions.DEFAULT_MAX_BYTES, r.maxBytes());
    }

    @Test
    void everySettingIsRead() {
        RecoveryOptions r = load(Map.of("socketee.recovery.max-disconnection-duration", "5000",
                "socketee.recovery.skip-middlewares", "false", "socketee.recovery.max-sessions", "10",
                "socketee.recovery.max-packets", "20", "socketee.recovery.max-bytes", "30")).recovery();
        assertEquals(new RecoveryOptions(Duration.ofSeconds(5), false, 10, 20, 30), r);
        assertFalse(r.skipMiddlewares());
    }

    @Test
    void aWindowThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("socketee.recovery.max-disconnection-duration", "0")));
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("socketee.recovery.max-disconnection-duration", "soon")));
    }
}
