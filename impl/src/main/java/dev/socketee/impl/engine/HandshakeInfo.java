package dev.socketee.impl.engine;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * What the layers above may want to know of the HTTP request that opened a session, copied
 * out of the request while it is alive (requests are recycled by the container). Headers and query
 * are kept read-only as {@link FlatMultiMap}s: a session holds them for its whole life.
 *
 * @param headers header names in lower case
 * @param principal the authenticated user of the request, or null
 * @param httpSession the request's HTTP session if it had one (never created here), or null
 */
public record HandshakeInfo(Map<String, List<String>> headers, Map<String, List<String>> query,
                            InetSocketAddress remoteAddress, long timeMillis,
                            java.security.Principal principal, jakarta.servlet.http.HttpSession httpSession) {

    public HandshakeInfo {
        headers = FlatMultiMap.copyOf(headers);
        query = FlatMultiMap.copyOf(query);
    }
}
