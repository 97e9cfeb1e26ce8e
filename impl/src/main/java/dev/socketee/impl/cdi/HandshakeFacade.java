package dev.socketee.impl.cdi;

import dev.socketee.Handshake;
import dev.socketee.impl.engine.HandshakeInfo;
import jakarta.servlet.http.HttpSession;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link Handshake} over what the engine copied out of the opening request. */
final class HandshakeFacade implements Handshake {

    private final HandshakeInfo info;
    private volatile Map<String, String> cookies;

    HandshakeFacade(HandshakeInfo info) {
        this.info = info;
    }

    @Override
    public Map<String, List<String>> headers() {
        return info.headers();
    }

    @Override
    public String header(String name) {
        List<String> values = info.headers().get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Map<String, List<String>> query() {
        return info.query();
    }

    @Override
    public Map<String, String> cookies() {
        Map<String, String> c = cookies;
        if (c == null) {
            c = parseCookies(info.headers().getOrDefault("cookie", List.of()));
            cookies = c;
        }
        return c;
    }

    static Map<String, String> parseCookies(List<String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    String value = part.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    out.putIfAbsent(part.substring(0, eq).trim(), value);
                }
            }
        }
        return Map.copyOf(out);
    }

    @Override
    public InetSocketAddress address() {
        return info.remoteAddress();
    }

    @Override
    public Instant time() {
        return Instant.ofEpochMilli(info.timeMillis());
    }

    @Override
    public Optional<Principal> principal() {
        return Optional.ofNullable(info.principal());
    }

    @Override
    public Optional<HttpSession> httpSession() {
        return Optional.ofNullable(info.httpSession());
    }
}
