package dev.socketee.impl.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a log line says instead of a session id. The sid is the session's only credential: anyone
 * who reads it from a log can poll, post and upgrade as that client. The tag is the first 8 hex
 * digits of the sid's SHA-256: stable for one session (lines of one client can be correlated),
 * and the sid cannot be recovered from it.
 */
public final class SessionTag {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SessionTag() {
    }

    /** {@code "s:" + 8 hex digits}; only called when a line is actually logged. */
    public static String of(String sid) {
        if (sid == null) {
            return "s:-";
        }
        byte[] digest = sha256().digest(sid.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[10];
        out[0] = 's';
        out[1] = ':';
        for (int i = 0; i < 4; i++) {
            out[2 + 2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[3 + 2 * i] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
