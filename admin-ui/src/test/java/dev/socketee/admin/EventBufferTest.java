package dev.socketee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBufferTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        long millis;

        MovingClock(long millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void countsAreSummedPerSecondTypeAndSubTypeAndTakenOnce() {
        MovingClock clock = new MovingClock(10_250);
        EventBuffer b = new EventBuffer(clock);
        b.push("rawConnection", null, 1);
        b.push("rawConnection", null, 1);
        b.push("rawDisconnection", "ping timeout", 1);
        clock.millis = 10_999;
        b.push("bytesIn", null, 40);
        clock.millis = 11_000;
        b.push("bytesIn", null, 2);
        assertEquals(List.of(
                Map.of("timestamp", 10_000L, "type", "rawConnection", "count", 2L),
                Map.of("timestamp", 10_000L, "type", "rawDisconnection", "subType", "ping timeout", "count", 1L),
                Map.of("timestamp", 10_000L, "type", "bytesIn", "count", 40L),
                Map.of("timestamp", 11_000L, "type", "bytesIn", "count", 2L)), b.takeAll());
        assertTrue(b.takeAll().isEmpty());
    }
}
