package dev.socketee.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hashes as node's admin-ui docs make them (bcryptjs, $2a$) and as python's bcrypt does ($2b$, the same algorithm). */
class BcryptPasswordTest {

    /** bcryptjs 2.4.3 hashSync("socketee", 10): the examples' hash. */
    private static final String COST_10 = "$2a$10$o5CNRYndGIYsrDD2yUTxN.099pMAl/uClenrMsf0ZGEpvI2uIfydS";

    @Test
    void theRightPasswordMatchesWhateverTheHashsRevision() {
        assertTrue(new BcryptPassword(AdminHarness.HASH).matches("admin-secret"));
        assertTrue(new BcryptPassword(COST_10).matches("socketee"));
        assertTrue(new BcryptPassword("$2b$" + COST_10.substring(4)).matches("socketee"));
        assertTrue(new BcryptPassword("$2y$" + COST_10.substring(4)).matches("socketee"));
    }

    @Test
    void aWrongPasswordOrNoStringDoesNot() {
        BcryptPassword p = new BcryptPassword(AdminHarness.HASH);
        assertFalse(p.matches("admin-secreT"));
        assertFalse(p.matches(""));
        assertFalse(p.matches(null));
        assertFalse(p.matches(42));
        assertFalse(p.matches("x".repeat(10_000)));
    }

    @Test
    void aPasswordInPlaceOfTheHashFailsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new BcryptPassword("socketee"));
        assertThrows(IllegalArgumentException.class, () -> new BcryptPassword(COST_10.substring(0, 50)));
        assertThrows(IllegalArgumentException.class, () -> new BcryptPassword(null));
    }
}
