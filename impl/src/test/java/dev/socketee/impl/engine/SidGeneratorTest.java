package dev.socketee.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SidGeneratorTest {

    @Test
    void idsAreUrlSafe128BitAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String sid = SidGenerator.next();
            assertEquals(20, sid.length(), sid); // 15 random bytes, base64url, as node's base64id
            assertTrue(sid.matches("[A-Za-z0-9_-]+"), sid);
            assertTrue(seen.add(sid), "duplicate " + sid);
        }
    }
}
