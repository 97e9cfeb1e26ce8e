package dev.socketee.impl.engine;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable session ids: 128 bits from a CSPRNG, URL-safe base64 without padding (22 chars). */
public final class SidGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SidGenerator() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
