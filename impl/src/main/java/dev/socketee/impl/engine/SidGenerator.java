package dev.socketee.impl.engine;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable session and socket ids: 120 bits from a CSPRNG in URL-safe base64, 20 characters,
 * as node's base64id makes them. The length matters beyond looks: node's sharded Redis adapter
 * takes a room of exactly 20 characters for a socket id (it is reached on the namespace's
 * channel, not a room channel of its own), so a Socketee id of another length would be unreachable
 * from a node.js node of the same cluster.
 */
public final class SidGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SidGenerator() {
    }

    public static String next() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
