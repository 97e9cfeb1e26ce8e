package dev.socketee;

import jakarta.servlet.http.HttpSession;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP request that opened the connection (the polling handshake or the WebSocket upgrade).
 *
 * <pre>{@code
 * Handshake h = e.socket().handshake();
 * String user = h.principal().map(Principal::getName).orElse("anonymous");
 * String lang = h.header("accept-language");
 * }</pre>
 */
public interface Handshake {

    /** Headers, names in lower case. */
    Map<String, List<String>> headers();

    /** The first value of a header (case-insensitive name), or null. */
    String header(String name);

    /** Query parameters. */
    Map<String, List<String>> query();

    /** Cookies by name. */
    Map<String, String> cookies();

    /** The client's address as the container saw it. */
    InetSocketAddress address();

    /** When the connection was opened. */
    Instant time();

    /** The authenticated user of the handshake request, if any. */
    Optional<Principal> principal();

    /** The HTTP session of the handshake request, if it had one. */
    Optional<HttpSession> httpSession();
}
