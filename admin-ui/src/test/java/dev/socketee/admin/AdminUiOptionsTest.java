package dev.socketee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminUiOptionsTest {

    private static java.util.function.Function<String, String> config(Map<String, String> m) {
        return m::get;
    }

    @Test
    void offUnlessEnabled() {
        assertTrue(AdminUiOptions.from(k -> null).isEmpty());
        assertTrue(AdminUiOptions.from(config(Map.of("socketee.admin-ui.enabled", "false", "socketee.admin-ui.username", "a"))).isEmpty());
    }

    @Test
    void nodesDefaultsOnceEnabled() {
        AdminUiOptions o = AdminUiOptions.from(config(Map.of("socketee.admin-ui.enabled", "true",
                "socketee.admin-ui.username", "admin", "socketee.admin-ui.password-hash", AdminHarness.HASH))).orElseThrow();
        assertEquals("/admin", o.namespace());
        assertTrue(o.authenticate());
        assertFalse(o.readOnly());
        assertTrue(o.development());
        assertEquals(Duration.ofSeconds(2), o.statsInterval());
        assertTrue(o.serverId().endsWith("#" + ProcessHandle.current().pid()), o.serverId());
    }

    @Test
    void everySettingIsRead() {
        AdminUiOptions o = AdminUiOptions.from(config(Map.of("socketee.admin-ui.enabled", "true", "socketee.admin-ui.auth", "none",
                "socketee.admin-ui.namespace", "/ops", "socketee.admin-ui.read-only", "true", "socketee.admin-ui.mode", "production",
                "socketee.admin-ui.server-id", "eu-1", "socketee.admin-ui.stats-interval", "500"))).orElseThrow();
        assertEquals(new AdminUiOptions("/ops", false, null, null, true, false, "eu-1", Duration.ofMillis(500)), o);
    }

    @Test
    void enabledWithoutCredentialsOrWithBadValuesFailsTheStartWithTheKeyToSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminUiOptions.from(config(Map.of("socketee.admin-ui.enabled", "true", "socketee.admin-ui.username", "admin"))));
        assertTrue(e.getMessage().contains("socketee.admin-ui.password-hash"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdminUiOptions.from(config(Map.of("socketee.admin-ui.enabled", "true",
                "socketee.admin-ui.auth", "none", "socketee.admin-ui.mode", "debug"))));
        assertThrows(IllegalArgumentException.class, () -> AdminUiOptions.from(config(Map.of("socketee.admin-ui.enabled", "true",
                "socketee.admin-ui.auth", "none", "socketee.admin-ui.namespace", "admin"))));
        assertThrows(IllegalArgumentException.class, () -> AdminUiOptions.from(config(Map.of("socketee.admin-ui.enabled", "true",
                "socketee.admin-ui.auth", "none", "socketee.admin-ui.stats-interval", "0"))));
    }
}
