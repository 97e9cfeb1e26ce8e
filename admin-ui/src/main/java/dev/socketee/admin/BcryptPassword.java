package dev.socketee.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The admin password, known only by its bcrypt hash (as node's admin-ui and python-socketio keep
 * it). Passwords past bcrypt's 72 bytes are cut there, as bcryptjs does.
 */
final class BcryptPassword {

    private static final Pattern HASH = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    private final byte[] hash;

    /** Fails at start on something that is not a bcrypt hash (node: "the `password` field must be a valid bcrypt hash"). */
    BcryptPassword(String hash) {
        if (hash == null || !HASH.matcher(hash.trim()).matches()) {
            throw new IllegalArgumentException(AdminUiOptions.PREFIX + "password-hash must be a bcrypt hash ($2b$10$ and 53 characters), not a password");
        }
        this.hash = hash.trim().getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code password} hashes to the kept hash; anything that is not a string does not. */
    boolean matches(Object password) {
        if (!(password instanceof String p)) {
            return false;
        }
        try {
            return VERIFYER.verify(p.getBytes(StandardCharsets.UTF_8), hash).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
