package dev.socketee.impl.protocol.socket;

import dev.socketee.impl.json.JsonWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Socket.IO protocol v4 (socket.io-parser 3.x, spoken by Engine.IO v3 clients such as
 * socket.io-client 2.x) differs from v5, as node's socket.io 4 serves it with {@code allowEIO3}:
 * <pre>
 *   CONNECT from the client   0/chat?token=abc,     the auth is the namespace's query string
 *   CONNECT reply             0  or  0/chat,         no payload (v5: {"sid":...})
 *   ERROR (v5 CONNECT_ERROR)  4/chat,"not allowed"   the middleware error's data, else its message
 * </pre>
 * Events, acks, binary events and disconnects are written alike, so a broadcast's encoding is
 * shared by v4 and v5 receivers.
 */
public final class SioProtocolV4 {

    private SioProtocolV4() {
    }

    /** A CONNECT's namespace without its query, and the query as the auth ({@code {}} without one). */
    public record NamespaceAndAuth(String namespace, Map<String, String> auth) {
    }

    public static NamespaceAndAuth parseConnect(String nsp) {
        int q = nsp.indexOf('?');
        if (q < 0) {
            return new NamespaceAndAuth(nsp, Map.of());
        }
        Map<String, String> auth = new LinkedHashMap<>();
        for (String pair : nsp.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            auth.put(decode(k), decode(v)); // the last one wins, as URLSearchParams' entries do in Object.fromEntries
        }
        return new NamespaceAndAuth(nsp.substring(0, q), auth);
    }

    /** Any packet's namespace without a query (node reads every v4 namespace as a URL path). */
    public static String namespaceOf(String nsp) {
        int q = nsp.indexOf('?');
        return q < 0 ? nsp : nsp.substring(0, q);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a bad escape stays as sent
        }
    }

    /** The CONNECT reply: no payload. */
    public static EncodedSioPacket connected(String namespace) {
        return new EncodedSioPacket(SioPacketType.CONNECT.code() + prefix(namespace), List.of());
    }

    /** ERROR for a refused connection: {@code data} when there is some, else {@code message}. */
    public static EncodedSioPacket connectError(String namespace, String message, Object data) {
        return new EncodedSioPacket(SioPacketType.CONNECT_ERROR.code() + prefix(namespace)
                + JsonWriter.write(data != null ? data : message), List.of());
    }

    private static String prefix(String namespace) {
        return "/".equals(namespace) ? "" : namespace + ",";
    }
}
