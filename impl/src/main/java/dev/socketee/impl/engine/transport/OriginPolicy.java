package dev.socketee.impl.engine.transport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which browser origins may talk to an Engine.IO path, decided from the {@code Origin} header
 * alone (pure logic; {@link EngineServlet} applies it to every request, both transports).
 *
 * <p>The rule: a request without {@code Origin} (a non-browser client) is allowed; so is one from
 * the request's own origin, {@code scheme://host[:port]} of the request or, behind a proxy, of
 * {@code X-Forwarded-Proto} / {@code X-Forwarded-Host} (both are accepted, as python-engineio
 * does); so is a listed origin. {@code *} in the list lets any other origin in without credentials.
 * Everything else is refused. Origins compare case-insensitively with default ports left out,
 * so {@code https://h} is {@code https://H:443}. A browser cannot set {@code X-Forwarded-*} on a
 * WebSocket, nor on a cross-origin request without a preflight that this policy refuses.
 */
final class OriginPolicy {

    /** What the origin of one request earns. */
    enum Verdict {
        /** No Origin header: not a browser, nothing to protect against. */
        NO_ORIGIN(true),
        /** The request's own origin: no CORS headers needed. */
        SAME_ORIGIN(true),
        /** Listed: echoed with {@code Access-Control-Allow-Credentials: true}. */
        LISTED(true),
        /** Let in by {@code *} only: {@code Access-Control-Allow-Origin: *}, and no credentials. */
        ANY(false),
        REFUSED(false);

        private final boolean credentials;

        Verdict(boolean credentials) {
            this.credentials = credentials;
        }

        /** Whether the session may see the request's credentials (cookies, principal, HTTP session). */
        boolean credentials() {
            return credentials;
        }
    }

    static final String ANY_ORIGIN = "*";

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final Pattern HOST = Pattern.compile("[a-z0-9._~%-]+");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final Set<String> listed;
    private final boolean any;

    private OriginPolicy(Set<String> listed, boolean any) {
        this.listed = listed;
        this.any = any;
    }

    /** From the configured list: exact origins and/or {@code *}; empty is same-origin only. */
    static OriginPolicy of(List<String> allowedOrigins) {
        Set<String> listed = new LinkedHashSet<>();
        boolean any = false;
        for (String entry : allowedOrigins) {
            String e = entry.strip();
            if (e.equals(ANY_ORIGIN)) {
                any = true;
                continue;
            }
            String normal = normalize(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
            if (normal == null) {
                throw new IllegalArgumentException("allowed-origins: '" + entry
                        + "' is not an origin (scheme://host[:port], no path, no wildcard) nor *");
            }
            listed.add(normal);
        }
        return new OriginPolicy(Set.copyOf(listed), any);
    }

    /**
     * @param origin the Origin header, or null
     * @param ownOrigins the request's own origins ({@link #ownOrigins}), normalized
     */
    Verdict check(String origin, Set<String> ownOrigins) {
        if (origin == null) {
            return Verdict.NO_ORIGIN;
        }
        String normal = normalize(origin);
        if (normal != null && ownOrigins.contains(normal)) {
            return Verdict.SAME_ORIGIN;
        }
        if (normal != null && listed.contains(normal)) {
            return Verdict.LISTED;
        }
        return any ? Verdict.ANY : Verdict.REFUSED;
    }

    /**
     * The origins a request counts as its own: {@code scheme://host} of the request itself and,
     * when a proxy sent {@code X-Forwarded-Proto} or {@code X-Forwarded-Host}, the forwarded one
     * (first value of each; the missing half taken from the request).
     *
     * @param host the Host header (or {@code serverName:port} when there is none)
     */
    static Set<String> ownOrigins(String scheme, String host, String forwardedProto, String forwardedHost) {
        Set<String> own = new LinkedHashSet<>(2);
        addIfValid(own, scheme + "://" + host);
        if (forwardedProto != null || forwardedHost != null) {
            String s = forwardedProto == null ? scheme : firstValue(forwardedProto);
            String h = forwardedHost == null ? host : firstValue(forwardedHost);
            addIfValid(own, webScheme(s) + "://" + h);
        }
        return own;
    }

    private static void addIfValid(Set<String> own, String origin) {
        String normal = normalize(origin);
        if (normal != null) {
            own.add(normal);
        }
    }

    private static String firstValue(String header) {
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    /** A proxy may name the scheme of the WebSocket it forwards. */
    private static String webScheme(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> scheme;
        };
    }

    /**
     * {@code scheme://host[:port]} in lower case without its scheme's default port, or null when
     * {@code origin} is not of that form (a path, user info, a wildcard, {@code null}, bad characters).
     */
    static String normalize(String origin) {
        int sep = origin.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = origin.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            return null;
        }
        String authority = origin.substring(sep + 3).toLowerCase(Locale.ROOT);
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
            if (!IPV6.matcher(host).matches()) {
                return null;
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
            if (!HOST.matcher(host).matches()) {
                return null;
            }
        }
        if (port != null) {
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65_535) {
                return null;
            }
            port = String.valueOf(Integer.parseInt(port));
            if (port.equals(defaultPort(scheme))) {
                port = null;
            }
        }
        return scheme + "://" + host + (port == null ? "" : ":" + port);
    }

    private static String defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> "80";
            case "https", "wss" -> "443";
            default -> "";
        };
    }
}
