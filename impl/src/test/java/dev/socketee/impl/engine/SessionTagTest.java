package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionTagTest {

    @Test
    void tagIsStableShortAndHidesTheSid() {
        String sid = SidGenerator.next();
        String tag = SessionTag.of(sid);
        assertEquals(tag, SessionTag.of(sid));
        assertTrue(tag.matches("s:[0-9a-f]{8}"), tag);
        assertFalse(tag.contains(sid), "the sid itself never appears");
        assertNotEquals(tag, SessionTag.of(SidGenerator.next()));
    }

    @Test
    void knownDigestPrefix() {
        // SHA-256("abc") = ba7816bf...
        assertEquals("s:ba7816bf", SessionTag.of("abc"));
    }
}
