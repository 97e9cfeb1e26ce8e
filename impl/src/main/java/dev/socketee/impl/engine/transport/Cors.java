package dev.socketee.impl.engine.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * CORS for the polling transport. With no allowed origins configured, any origin is accepted and
 * echoed with credentials allowed (what browsers need for the sticky-session cookie); a request
 * without Origin gets {@code *}. With a list, other origins are refused (403, code 4).
 */
final class Cors {

    private Cors() {
    }

    /** Sets the CORS headers; false when the origin is not allowed. */
    static boolean apply(HttpServletRequest req, HttpServletResponse resp, List<String> allowedOrigins) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            resp.setHeader("Access-Control-Allow-Origin", "*");
            return true;
        }
        if (!allowedOrigins.isEmpty() && !allowedOrigins.contains(origin)) {
            return false;
        }
        resp.setHeader("Access-Control-Allow-Origin", origin);
        resp.setHeader("Access-Control-Allow-Credentials", "true");
        resp.setHeader("Vary", "Origin");
        return true;
    }

    static void preflight(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        String headers = req.getHeader("Access-Control-Request-Headers");
        if (headers != null) {
            resp.setHeader("Access-Control-Allow-Headers", headers);
        }
        resp.setHeader("Access-Control-Max-Age", "86400");
        resp.setStatus(204);
    }
}
