package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.BroadcastFlags;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broadcast flags as node's adapter writes and reads them: only what is set; local never travels. */
class WireFlagsTest {

    @Test
    void onlyTheFlagsThatAreSetTravelCompressIncluded() {
        assertEquals(Map.of(), Wire.flags(BroadcastFlags.NONE));
        assertEquals(Map.of("volatile", true, "compress", false, "timeout", 2000L),
                Wire.flags(new BroadcastFlags(true, true, Duration.ofSeconds(2), false)), "local stays here");
    }

    @Test
    void aPeersFlagsAreReadBackAndItsLocalFlagMeansItsOwnNode() {
        BroadcastFlags f = Wire.readFlags(Map.of("compress", false, "volatile", true, "local", true));
        assertFalse(f.local());
        assertTrue(f.volatile_());
        assertEquals(Boolean.FALSE, f.compress());
        assertNull(Wire.readFlags(Map.of()).compress(), "not set: null, as node leaves it out");
    }
}
