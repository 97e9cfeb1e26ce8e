package dev.socketee.testing;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP session held in memory, for the handshake of a {@link SocketTestClient}
 * ({@link SocketTestClient.Builder#httpSession}): what a login servlet would have stored, seen by
 * handlers through {@code handshake().httpSession()}. No container, no expiry.
 */
public final class TestHttpSession implements HttpSession {

    private final String id = UUID.randomUUID().toString();
    private final long created = System.currentTimeMillis();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile int maxInactiveInterval = 1800;
    private volatile boolean invalid;

    /** A session with these attributes. */
    public static TestHttpSession of(Map<String, ?> attributes) {
        TestHttpSession s = new TestHttpSession();
        s.attributes.putAll(attributes);
        return s;
    }

    @Override
    public long getCreationTime() {
        return created;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        return created;
    }

    @Override
    public ServletContext getServletContext() {
        return null; // none in a test without a container
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        maxInactiveInterval = interval;
    }

    @Override
    public int getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void invalidate() {
        invalid = true;
        attributes.clear();
    }

    /** Whether {@link #invalidate()} was called. */
    public boolean isInvalidated() {
        return invalid;
    }

    @Override
    public boolean isNew() {
        return false;
    }
}
