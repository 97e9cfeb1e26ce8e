package dev.socketee.impl.engine.transport;

import dev.socketee.impl.engine.transport.OriginPolicy.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The CORS headers of a polling answer and of a preflight, once {@link OriginPolicy} has let the
 * origin in (a refused origin gets 403 and no CORS headers at all). Requests without Origin and
 * same-origin requests need no CORS headers and get none. A listed origin is echoed with
 * {@code Access-Control-Allow-Credentials: true}; an origin let in only by {@code *} gets
 * {@code Access-Control-Allow-Origin: *}, which browsers honour only for requests without
 * credentials. A preflight allows GET, POST and OPTIONS and, of the headers it asks for, only
 * {@code Content-Type}, {@code Authorization} and custom {@code X-} headers other than
 * {@code X-Forwarded-*} (which decide the request's own origin); the rest are left out, so the
 * browser refuses to send them.
 */
final class Cors {

    private Cors() {
    }

    /** The CORS headers of an answer to a GET or POST. */
    static void apply(HttpServletResponse resp, String origin, Verdict verdict) {
        switch (verdict) {
            case LISTED -> {
                resp.setHeader("Access-Control-Allow-Origin", origin);
                resp.setHeader("Access-Control-Allow-Credentials", "true");
            }
            case ANY -> resp.setHeader("Access-Control-Allow-Origin", "*");
            default -> {
                // no Origin, or the request's own: not a cross-origin request
            }
        }
    }

    /** Answers an OPTIONS request: 204, with the preflight's headers for a cross-origin one. */
    static void preflight(HttpServletRequest req, HttpServletResponse resp, Verdict verdict) {
        if (verdict == Verdict.LISTED || verdict == Verdict.ANY) {
            apply(resp, req.getHeader("Origin"), verdict);
            resp.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            String headers = acceptedHeaders(req.getHeader("Access-Control-Request-Headers"));
            if (!headers.isEmpty()) {
                resp.setHeader("Access-Control-Allow-Headers", headers);
            }
            resp.setHeader("Access-Control-Max-Age", "86400");
        }
        resp.setStatus(204);
    }

    /** Of the comma-separated header names a preflight asks for, those this server accepts, in order. */
    static String acceptedHeaders(String requested) {
        if (requested == null) {
            return "";
        }
        StringJoiner accepted = new StringJoiner(", ");
        for (String name : requested.split(",")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (isAccepted(n)) {
                accepted.add(n);
            }
        }
        return accepted.toString();
    }

    private static boolean isAccepted(String name) {
        if (name.equals("content-type") || name.equals("authorization")) {
            return true;
        }
        return name.startsWith("x-") && name.length() > 2 && !name.startsWith("x-forwarded-")
                && name.chars().allMatch(c -> c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
}
