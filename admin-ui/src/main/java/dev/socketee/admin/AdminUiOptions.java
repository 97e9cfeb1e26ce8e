package dev.socketee.admin;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Admin UI's settings, named after node's {@code instrument(io, options)}. Off unless
 * {@code socketee.admin-ui.enabled=true}; then a username and a bcrypt hash of the password are
 * required, unless authentication is turned off on purpose ({@code auth=none}):
 * <pre>
 *   socketee.admin-ui.enabled         false
 *   socketee.admin-ui.namespace       /admin        (node's namespaceName)
 *   socketee.admin-ui.auth            basic         basic, or none (anyone who reaches the server is admin)
 *   socketee.admin-ui.username        (required with basic)
 *   socketee.admin-ui.password-hash   (required with basic) a bcrypt hash: $2a$, $2b$ or $2y$
 *   socketee.admin-ui.read-only       false         (node's readonly) the UI may watch, not join/leave/disconnect/emit
 *   socketee.admin-ui.mode            development   development streams every socket and event; production only stats
 *   socketee.admin-ui.server-id       (host name)   how this node is named in the UI's server list
 *   socketee.admin-ui.stats-interval  2000          (ms between server_stats)
 * </pre>
 */
public record AdminUiOptions(String namespace, boolean authenticate, String username, String passwordHash,
                             boolean readOnly, boolean development, String serverId, Duration statsInterval) {

    static final String PREFIX = "socketee.admin-ui.";

    public AdminUiOptions {
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException(PREFIX + "namespace must start with '/': " + namespace);
        }
        if (authenticate && (username == null || username.isBlank() || passwordHash == null || passwordHash.isBlank())) {
            throw new IllegalArgumentException("The Admin UI is enabled but " + PREFIX + "username or " + PREFIX
                    + "password-hash is not set (set both, or " + PREFIX + "auth=none to run it without a password)");
        }
        if (statsInterval.isNegative() || statsInterval.isZero()) {
            throw new IllegalArgumentException(PREFIX + "stats-interval must be positive: " + statsInterval);
        }
    }

    /** The settings when the Admin UI is enabled, else empty. */
    public static Optional<AdminUiOptions> from(Function<String, String> config) {
        if (!Boolean.parseBoolean(value(config, "enabled", "false"))) {
            return Optional.empty();
        }
        String auth = value(config, "auth", "basic");
        if (!auth.equals("basic") && !auth.equals("none")) {
            throw new IllegalArgumentException(PREFIX + "auth must be basic or none: " + auth);
        }
        String mode = value(config, "mode", "development");
        if (!mode.equals("development") && !mode.equals("production")) {
            throw new IllegalArgumentException(PREFIX + "mode must be development or production: " + mode);
        }
        long interval;
        try {
            interval = Long.parseLong(value(config, "stats-interval", "2000"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + "stats-interval must be a number of milliseconds", e);
        }
        return Optional.of(new AdminUiOptions(value(config, "namespace", "/admin"), auth.equals("basic"),
                config.apply(PREFIX + "username"), config.apply(PREFIX + "password-hash"),
                Boolean.parseBoolean(value(config, "read-only", "false")), mode.equals("development"),
                value(config, "server-id", defaultServerId()), Duration.ofMillis(interval)));
    }

    private static String value(Function<String, String> config, String key, String def) {
        String v = config.apply(PREFIX + key);
        return v == null || v.isBlank() ? def : v.trim();
    }

    /** As node: the host name (node adds #pid in a cluster worker; here every JVM is its own node, so always). */
    static String defaultServerId() {
        return HostInfo.hostname() + "#" + ProcessHandle.current().pid();
    }
}
