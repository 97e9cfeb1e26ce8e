package dev.socketee.impl.sio;

import dev.socketee.adapter.SocketDetails;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.json.JsonFallback;
import dev.socketee.impl.protocol.socket.PlainValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local socket as {@code fetchSockets} shows it, with node's handshake fields (headers as one
 * string each, query as first values, address, time, issued, url, xdomain, secure, auth), so a
 * node.js peer reading it finds what its own sockets carry.
 */
final class SocketDetailsOf {

    private SocketDetailsOf() {
    }

    static SocketDetails socket(SioSocket s) {
        HandshakeInfo h = s.client().engine().handshake();
        Map<String, Object> handshake = new LinkedHashMap<>();
        Map<String, Object> headers = new LinkedHashMap<>();
        h.headers().forEach((k, v) -> headers.put(k, String.join(", ", v)));
        Map<String, Object> query = new LinkedHashMap<>();
        h.query().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        handshake.put("headers", headers);
        handshake.put("time", new java.util.Date(h.timeMillis()).toString());
        handshake.put("address", address(h.remoteAddress()));
        handshake.put("xdomain", h.headers().containsKey("origin"));
        handshake.put("secure", "https".equalsIgnoreCase(first(h.headers().get("x-forwarded-proto"))));
        handshake.put("issued", h.timeMillis());
        handshake.put("url", s.namespace().server().enginePath() + "/?" + queryString(h.query()));
        handshake.put("query", query);
        handshake.put("auth", s.auth() == null ? Map.of() : s.auth());
        // plain values only: a cluster adapter writes them for other nodes (the auth is still raw JSON, session data may hold records)
        JsonFallback json = s.namespace().jsonFallback();
        @SuppressWarnings("unchecked")
        Map<String, Object> plainHandshake = (Map<String, Object>) PlainValues.of(List.of(handshake), json).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> plainData = (Map<String, Object>) PlainValues.of(List.of(new LinkedHashMap<>(s.dataOrEmpty())), json).get(0);
        return new SocketDetails(s.id(), plainHandshake, s.rooms(), plainData);
    }

    private static String address(java.net.InetSocketAddress a) {
        if (a == null) {
            return "";
        }
        return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String queryString(Map<String, List<String>> query) {
        StringBuilder sb = new StringBuilder();
        query.forEach((k, vs) -> vs.forEach(v -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        }));
        return sb.toString();
    }
}
