package dev.socketee.admin;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Session ids handed to an admin who logged in, so the UI can reconnect without the password
 * (node's InMemoryStore). Per node and in memory: behind a load balancer without sticky
 * sessions a reconnect may have to log in again. Bounded: the oldest ids are forgotten first.
 */
final class AdminSessions {

    static final int MAX = 1000;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX;
        }
    }));

    /** A new session id (16 hex digits, as node's). */
    String create() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        ids.add(id);
        return id;
    }

    boolean exists(Object id) {
        return id instanceof String s && ids.contains(s);
    }
}
