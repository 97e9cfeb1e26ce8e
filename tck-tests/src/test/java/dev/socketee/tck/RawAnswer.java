package dev.socketee.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 answer read off a raw socket, for tests that hold a request open by hand (a
 * stalled body, a body still being sent), where {@code java.net.http} cannot be used. The body
 * is read by its Content-Length only: the connection is not read to its end.
 */
public record RawAnswer(int status, Map<String, String> headers, String body) {

    /** A header's value, lower case (names compare case-insensitively), or "" without it. */
    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "").toLowerCase(Locale.ROOT);
    }

    /**
     * The answer, or null when the connection ends (EOF or reset) before any byte of it.
     * Throws {@link SocketTimeoutException} when neither happens within the socket's timeout.
     */
    public static RawAnswer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!endsWithBlankLine(head)) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            if (head.size() == 0) {
                return null;
            }
            throw reset;
        }
        if (head.size() == 0) {
            return null;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the peer closes the connection (EOF or reset) within the socket's timeout, with nothing more sent. */
    public static boolean closedWithin(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] b = head.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }
}
