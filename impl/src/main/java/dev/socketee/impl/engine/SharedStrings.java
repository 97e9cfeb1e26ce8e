package dev.socketee.impl.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance of each header name, query key and value that (nearly) every Engine.IO client sends
 * alike, so the many sessions keeping their handshake share them instead of holding a copy each. A
 * fixed table: no interning of what clients choose (the table never grows).
 */
final class SharedStrings {

    private static final Map<String, String> TABLE = new HashMap<>();

    static {
        for (String s : new String[] {
                // header names (kept in lower case)
                "host", "connection", "upgrade", "origin", "user-agent", "accept", "accept-encoding",
                "accept-language", "cache-control", "pragma", "cookie", "authorization", "referer",
                "content-type", "content-length", "sec-websocket-key", "sec-websocket-version",
                "sec-websocket-extensions", "sec-websocket-protocol", "sec-fetch-dest", "sec-fetch-mode",
                "sec-fetch-site", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-real-ip",
                // header values every websocket upgrade carries
                "websocket", "Upgrade", "upgrade", "keep-alive", "Keep-Alive", "13", "no-cache",
                "permessage-deflate; client_max_window_bits", "*/*", "gzip, deflate, br",
                // Engine.IO query keys and values
                "EIO", "4", "3", "transport", "polling", "sid", "t", "b64", "1", "j"}) {
            TABLE.put(s, s);
        }
    }

    private SharedStrings() {
    }

    /** The shared instance equal to {@code s}, or {@code s} itself. */
    static String of(String s) {
        String shared = TABLE.get(s);
        return shared != null ? shared : s;
    }
}
