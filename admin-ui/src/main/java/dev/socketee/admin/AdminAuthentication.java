package dev.socketee.admin;

import dev.socketee.ConnectionRefusedException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Who may connect to the admin namespace (node's authentication middleware): a known session id,
 * or the username with the password whose bcrypt hash is configured. A refusal is node's
 * CONNECT_ERROR "invalid credentials", which the UI shows on its login form.
 */
final class AdminAuthentication {

    private static final Logger LOG = Logger.getLogger(AdminAuthentication.class.getName());
    static final String REFUSAL = "invalid credentials";

    private final String username;
    private final BcryptPassword password;
    private final AdminSessions sessions = new AdminSessions();

    /** Null username and password: no authentication (auth=none). */
    AdminAuthentication(String username, BcryptPassword password) {
        this.username = username;
        this.password = password;
        if (password == null) {
            LOG.warning("Socket.IO Admin UI without authentication: anyone who reaches the server can administer it");
        }
    }

    /**
     * Checks the CONNECT payload; returns a new session id to hand to the UI ({@code "session"}),
     * or null when none is due (a known session, or no authentication).
     */
    String admit(Map<?, ?> auth) throws ConnectionRefusedException {
        if (password == null) {
            return null;
        }
        if (sessions.exists(auth.get("sessionId"))) {
            return null;
        }
        if (username.equals(auth.get("username")) && password.matches(auth.get("password"))) {
            return sessions.create();
        }
        throw new ConnectionRefusedException(REFUSAL);
    }
}
