package dev.socketee.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A WebSocket handshake that offers permessage-deflate, as browsers and node's ws always do,
 * written by hand (java.net.http cannot offer extensions): returns the extension header of the
 * 101, or null when the server negotiated none.
 */
public final class DeflateOffer {

    private DeflateOffer() {
    }

    /** {@code base} is the server's base URI, {@code enginePath} e.g. {@code /engine.io/}. */
    public static String negotiatedExtensions(URI base, String enginePath) throws IOException {
        String prefix = base.getRawPath().endsWith("/") ? base.getRawPath().substring(0, base.getRawPath().length() - 1) : base.getRawPath();
        String path = prefix + enginePath + "?EIO=4&transport=websocket";
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(5_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                    + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="
                    + "\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 101"), () -> "status line: " + status);
            String extensions = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:")) {
                    extensions = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return extensions;
        }
    }
}
