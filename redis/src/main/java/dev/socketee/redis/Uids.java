package dev.socketee.redis;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The random ids of the protocols: uid2's (64 URL-safe characters) and socket.io-adapter's (16 hex). */
final class Uids {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Uids() {
    }

    /** As uid2(length): the server uid and request ids of the classic Redis adapter. */
    static String uid2(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** As randomBytes(8).toString("hex"): the uid and request ids of the ClusterAdapter. */
    static String hex16() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
