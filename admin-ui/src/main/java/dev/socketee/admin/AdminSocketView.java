package dev.socketee.admin;

import dev.socketee.adapter.SocketDetails;
import dev.socketee.impl.sio.SioSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A socket as the Admin UI lists it (node's {@code serialize}): id, the connection's id cut to 12
 * characters (the UI groups sockets into clients by it), transport, namespace, session data, the
 * handshake without its auth, rooms. The address prefers a proxy's {@code cf-connecting-ip} or
 * {@code x-forwarded-for}, as node's does. Plain values only: it travels to other nodes too.
 */
final class AdminSocketView {

    private AdminSocketView() {
    }

    static Map<String, Object> of(SioSocket socket) {
        SocketDetails d = socket.namespace().details(socket.id()).orElse(null);
        Map<String, Object> handshake = d == null ? Map.of() : d.handshake();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", socket.id());
        String clientId = socket.client().engine().id();
        out.put("clientId", clientId.substring(0, Math.min(12, clientId.length())));
        out.put("transport", socket.client().engine().transport());
        out.put("nsp", socket.namespace().name());
        out.put("data", d == null ? Map.of() : d.data());
        out.put("handshake", handshake(handshake));
        out.put("rooms", new ArrayList<>(d == null ? socket.rooms() : d.rooms()));
        return out;
    }

    private static Map<String, Object> handshake(Map<String, Object> h) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object headers = h.getOrDefault("headers", Map.of());
        out.put("address", address(headers, h.get("address")));
        out.put("headers", headers);
        out.put("query", h.getOrDefault("query", Map.of()));
        out.put("issued", h.get("issued"));
        out.put("secure", h.get("secure"));
        out.put("time", h.get("time"));
        out.put("url", h.get("url"));
        out.put("xdomain", h.get("xdomain"));
        return out; // not the auth: it may hold a token
    }

    private static Object address(Object headers, Object address) {
        if (headers instanceof Map<?, ?> m) {
            for (String name : new String[] {"cf-connecting-ip", "x-forwarded-for"}) {
                Object v = m.get(name);
                if (v instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
        }
        return address;
    }
}
